#!/usr/bin/env node
import { createRequire as __modsealCreateRequire } from 'node:module';
const require = __modsealCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/internal/errors.ts
function errorCode(e) {
  return e instanceof ModsealError ? e.code : "internal";
}
function errorMessage(e) {
  if (e instanceof Error) return e.message;
  return String(e);
}
function oneLine(text) {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "").join("; ");
}
var ModsealError, InputError;
var init_errors = __esm({
  "src/internal/errors.ts"() {
    "use strict";
    ModsealError = class extends Error {
    };
    InputError = class extends ModsealError {
      name = "InputError";
      code = "input";
    };
  }
});

// src/internal/temp-dirs.ts
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
async function makeTempDir(prefix) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  paths.add(dir);
  return dir;
}
async function removeTempDir(p) {
  await rm(p, { recursive: true, force: true });
  paths.delete(p);
}
function removeOnInterrupt(p) {
  paths.add(p);
  return () => void paths.delete(p);
}
function stopOnInterrupt(stop) {
  stoppers.add(stop);
  return () => void stoppers.delete(stop);
}
function cleanUpNow() {
  for (const stop of [...stoppers]) {
    try {
      stop();
    } catch {
    }
  }
  stoppers.clear();
  const left = [];
  for (const p of [...paths]) {
    try {
      rmSync(p, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      left.push(p);
    }
  }
  paths.clear();
  return left;
}
var paths, stoppers;
var init_temp_dirs = __esm({
  "src/internal/temp-dirs.ts"() {
    "use strict";
    paths = /* @__PURE__ */ new Set();
    stoppers = /* @__PURE__ */ new Set();
  }
});

// node_modules/fastest-levenshtein/mod.js
var require_mod = __commonJS({
  "node_modules/fastest-levenshtein/mod.js"(exports) {
    "use strict";
    exports.__esModule = true;
    exports.distance = exports.closest = void 0;
    var peq = new Uint32Array(65536);
    var myers_32 = function(a, b) {
      var n = a.length;
      var m = b.length;
      var lst = 1 << n - 1;
      var pv = -1;
      var mv2 = 0;
      var sc = n;
      var i = n;
      while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
      }
      for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv2;
        eq |= (eq & pv) + pv ^ pv;
        mv2 |= ~(eq | pv);
        pv &= eq;
        if (mv2 & lst) {
          sc++;
        }
        if (pv & lst) {
          sc--;
        }
        mv2 = mv2 << 1 | 1;
        pv = pv << 1 | ~(xv | mv2);
        mv2 &= xv;
      }
      i = n;
      while (i--) {
        peq[a.charCodeAt(i)] = 0;
      }
      return sc;
    };
    var myers_x = function(b, a) {
      var n = a.length;
      var m = b.length;
      var mhc = [];
      var phc = [];
      var hsize = Math.ceil(n / 32);
      var vsize = Math.ceil(m / 32);
      for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
      }
      var j = 0;
      for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
          var eq = peq[a.charCodeAt(i)];
          var pb = phc[i / 32 | 0] >>> i & 1;
          var mb = mhc[i / 32 | 0] >>> i & 1;
          var xv = eq | mv_1;
          var xh = ((eq | mb) & pv_1) + pv_1 ^ pv_1 | eq | mb;
          var ph = mv_1 | ~(xh | pv_1);
          var mh = pv_1 & xh;
          if (ph >>> 31 ^ pb) {
            phc[i / 32 | 0] ^= 1 << i;
          }
          if (mh >>> 31 ^ mb) {
            mhc[i / 32 | 0] ^= 1 << i;
          }
          ph = ph << 1 | pb;
          mh = mh << 1 | mb;
          pv_1 = mh | ~(xv | ph);
          mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] = 0;
        }
      }
      var mv2 = 0;
      var pv = -1;
      var start = j * 32;
      var vlen = Math.min(32, m - start) + start;
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
      }
      var score = m;
      for (var i = 0; i < n; i++) {
        var eq = peq[a.charCodeAt(i)];
        var pb = phc[i / 32 | 0] >>> i & 1;
        var mb = mhc[i / 32 | 0] >>> i & 1;
        var xv = eq | mv2;
        var xh = ((eq | mb) & pv) + pv ^ pv | eq | mb;
        var ph = mv2 | ~(xh | pv);
        var mh = pv & xh;
        score += ph >>> m - 1 & 1;
        score -= mh >>> m - 1 & 1;
        if (ph >>> 31 ^ pb) {
          phc[i / 32 | 0] ^= 1 << i;
        }
        if (mh >>> 31 ^ mb) {
          mhc[i / 32 | 0] ^= 1 << i;
        }
        ph = ph << 1 | pb;
        mh = mh << 1 | mb;
        pv = mh | ~(xv | ph);
        mv2 = ph & xv;
      }
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
      }
      return score;
    };
    var distance2 = function(a, b) {
      if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
      }
      if (b.length === 0) {
        return a.length;
      }
      if (a.length <= 32) {
        return myers_32(a, b);
      }
      return myers_x(a, b);
    };
    exports.distance = distance2;
    var closest2 = function(str, arr) {
      var min_distance = Infinity;
      var min_index = 0;
      for (var i = 0; i < arr.length; i++) {
        var dist = distance2(str, arr[i]);
        if (dist < min_distance) {
          min_distance = dist;
          min_index = i;
        }
      }
      return arr[min_index];
    };
    exports.closest = closest2;
  }
});

// src/cli/io.ts
var EXIT_PASS, EXIT_FAIL, EXIT_INPUT, EXIT_INCONCLUSIVE, EXIT_SIGINT, EXIT_SIGTERM;
var init_io = __esm({
  "src/cli/io.ts"() {
    "use strict";
    EXIT_PASS = 0;
    EXIT_FAIL = 1;
    EXIT_INPUT = 2;
    EXIT_INCONCLUSIVE = 3;
    EXIT_SIGINT = 130;
    EXIT_SIGTERM = 143;
  }
});

// src/cli/flags.ts
import { parseArgs } from "node:util";
function suggestFlag(name, known, aliases = {}) {
  const alias = aliases[name];
  if (alias !== void 0 && known.includes(alias)) return alias;
  if (known.length === 0 || name === "") return void 0;
  const prefixed = known.filter((k) => k.startsWith(name));
  if (name.length >= 3 && prefixed.length === 1) return prefixed[0];
  const best = (0, import_fastest_levenshtein.closest)(name, [...known]);
  const d = (0, import_fastest_levenshtein.distance)(name, best);
  return d <= 2 && d < name.length ? best : void 0;
}
function firstSlip(argv, options2) {
  const isKnownLong = (a) => a?.startsWith("--") === true && options2[a.slice(2).split("=", 1)[0] ?? ""] !== void 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--") break;
    if (!a.startsWith("-") || a === "-") continue;
    const long = a.startsWith("--");
    const name = (long ? a.slice(2) : a.slice(1)).split("=", 1)[0] ?? "";
    const known = long ? options2[name] : Object.values(options2).find((o) => o.short === name && name.length === 1);
    if (known === void 0) return { unknown: a.split("=", 1)[0] ?? a };
    if (known.type !== "string" || a.includes("=")) continue;
    const next = argv[i + 1];
    if (next === void 0 || isKnownLong(next)) return { noValue: a };
    i++;
  }
  return void 0;
}
function parseErrorText(e) {
  const code = e.code;
  const msg = errorMessage(e);
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const arg = /'([^']*)'/.exec(msg)?.[1];
    return `unexpected argument${arg === void 0 ? "" : ` ${JSON.stringify(arg)}`}: every value follows its flag (--name value)`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = /'(-[^' ]*)/.exec(msg)?.[1] ?? "a flag";
    if (msg.includes("argument missing")) return `${flag} needs a value`;
    if (msg.includes("does not take an argument")) return `${flag} takes no value`;
    if (msg.includes("ambiguous")) {
      return `the value of ${flag} starts with "-": write it as ${flag}=VALUE`;
    }
  }
  return msg.split("\n", 1)[0] ?? msg;
}
function parseFlags(command, usage, options2, argv, io, aliases = {}) {
  const end = argv.indexOf("--");
  const flags = end < 0 ? argv : argv.slice(0, end);
  if (flags.includes("--help") || flags.includes("-h")) {
    io.stdout(usage);
    return EXIT_PASS;
  }
  const slip = firstSlip(argv, options2);
  if (slip !== void 0 && "noValue" in slip) {
    throw new UsageError(`${slip.noValue} needs a value`, command);
  }
  if (slip !== void 0) {
    const near = suggestFlag(slip.unknown.replace(/^--?/, ""), Object.keys(options2), aliases);
    throw new UsageError(
      `unknown flag ${slip.unknown}${near === void 0 ? "" : `; did you mean --${near}?`}`,
      command
    );
  }
  try {
    return parseArgs({ args: argv, options: options2, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(parseErrorText(e), command);
  }
}
var import_fastest_levenshtein, UsageError;
var init_flags = __esm({
  "src/cli/flags.ts"() {
    "use strict";
    import_fastest_levenshtein = __toESM(require_mod(), 1);
    init_errors();
    init_io();
    UsageError = class extends InputError {
      constructor(message, command) {
        super(message);
        this.command = command;
      }
      command;
      name = "UsageError";
      code = "usage";
    };
  }
});

// src/cli/version.ts
import { readFileSync } from "node:fs";
function modsealVersion() {
  if (true) return "0.1.0";
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return pkg.version;
}
var init_version = __esm({
  "src/cli/version.ts"() {
    "use strict";
  }
});

// src/git/git-runner.ts
import { spawn } from "node:child_process";
function isolatedGitEnv(base) {
  const env = {};
  for (const [k, v] of Object.entries(base)) {
    if (!k.toUpperCase().startsWith("GIT_") && v !== void 0) env[k] = v;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_ATTR_NOSYSTEM: "1",
    GIT_OPTIONAL_LOCKS: "0",
    GIT_TERMINAL_PROMPT: "0",
    GIT_NO_REPLACE_OBJECTS: "1",
    GIT_NO_LAZY_FETCH: "1",
    GIT_CONFIG_COUNT: "2",
    GIT_CONFIG_KEY_0: "safe.directory",
    GIT_CONFIG_VALUE_0: "*",
    GIT_CONFIG_KEY_1: "protocol.allow",
    GIT_CONFIG_VALUE_1: "never",
    LC_ALL: "C"
  };
}
function createGitRunner(options2 = {}) {
  const git = options2.git ?? "git";
  const env = isolatedGitEnv(options2.env ?? process.env);
  function start(args, opts) {
    const child = spawn(git, args, { cwd: opts.cwd, env, stdio: "pipe" });
    const forget = stopOnInterrupt(() => child.kill("SIGKILL"));
    const stderr = [];
    child.stderr.on("data", (c) => stderr.push(c));
    const done = new Promise((resolve, reject) => {
      child.on("error", (e) => {
        forget();
        reject(e);
      });
      child.on("close", (code, signal) => {
        forget();
        resolve({ code: code ?? (signal === null ? -1 : 128), stderr: Buffer.concat(stderr) });
      });
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(opts.input ?? "");
    return { child, done };
  }
  return {
    async run(args, opts) {
      const { child, done } = start(args, opts);
      const out = [];
      child.stdout.on("data", (c) => out.push(c));
      const { code, stderr } = await done;
      return { code, stdout: Buffer.concat(out), stderr };
    },
    stream(args, opts) {
      const { child, done } = start(args, opts);
      return {
        stdout: child.stdout,
        done,
        // Output already read into the stream would otherwise wait for a
        // reader forever, and the process's 'close' (so `done`) with it.
        kill: () => {
          child.kill("SIGKILL");
          child.stdout.destroy();
        }
      };
    }
  };
}
var init_git_runner = __esm({
  "src/git/git-runner.ts"() {
    "use strict";
    init_temp_dirs();
  }
});

// src/internal/go-string.ts
function escapedByte(cp) {
  return cp >= ESCAPE_MIN && cp <= ESCAPE_MAX ? cp - ESCAPE_BASE : -1;
}
function decodeRune(b, i) {
  const n = b.length - i;
  if (n <= 0) return [RUNE_ERROR, 0];
  const b0 = b[i];
  if (b0 < 128) return [b0, 1];
  let need;
  let lo = 128;
  let hi = 191;
  let cp;
  if (b0 >= 194 && b0 <= 223) {
    need = 1;
    cp = b0 & 31;
  } else if (b0 >= 224 && b0 <= 239) {
    need = 2;
    cp = b0 & 15;
    if (b0 === 224) lo = 160;
    else if (b0 === 237) hi = 159;
  } else if (b0 >= 240 && b0 <= 244) {
    need = 3;
    cp = b0 & 7;
    if (b0 === 240) lo = 144;
    else if (b0 === 244) hi = 143;
  } else {
    return [RUNE_ERROR, 1];
  }
  if (n < need + 1) return [RUNE_ERROR, 1];
  for (let k = 1; k <= need; k++) {
    const c = b[i + k];
    if (k === 1 ? c < lo || c > hi : c < 128 || c > 191) return [RUNE_ERROR, 1];
    cp = cp << 6 | c & 63;
  }
  return [cp, need + 1];
}
function decodeGoString(b) {
  let run = 0;
  let i = 0;
  const parts = [];
  while (i < b.length) {
    const [r, w] = decodeRune(b, i);
    if (w === 1 && r === RUNE_ERROR) {
      if (i > run) parts.push(Buffer.from(b.buffer, b.byteOffset + run, i - run).toString("utf8"));
      parts.push(String.fromCharCode(ESCAPE_BASE + b[i]));
      i++;
      run = i;
    } else {
      i += w;
    }
  }
  if (run === 0) return Buffer.from(b.buffer, b.byteOffset, b.length).toString("utf8");
  if (i > run) parts.push(Buffer.from(b.buffer, b.byteOffset + run, i - run).toString("utf8"));
  return parts.join("");
}
function encodeGoString(s) {
  if (!hasSurrogate(s)) return Buffer.from(s, "utf8");
  const bytes = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    const eb = escapedByte(cp);
    if (eb >= 0) {
      bytes.push(eb);
    } else {
      for (const x of Buffer.from(ch, "utf8")) bytes.push(x);
    }
  }
  return Buffer.from(bytes);
}
function isValidUtf8GoString(s) {
  if (!hasSurrogate(s)) return true;
  for (const ch of s) {
    if (escapedByte(ch.codePointAt(0)) >= 0) return false;
  }
  return true;
}
function* goRunes(s) {
  let offset = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (escapedByte(cp) >= 0) {
      yield { rune: RUNE_ERROR, offset };
      offset += 1;
    } else if (cp >= 55296 && cp <= 57343) {
      yield { rune: RUNE_ERROR, offset };
      offset += 3;
    } else {
      yield { rune: cp, offset };
      offset += cp < 128 ? 1 : cp < 2048 ? 2 : cp < 65536 ? 3 : 4;
    }
  }
}
function compareGoStrings(a, b) {
  if (a === b) return 0;
  if (!hasSurrogate(a) && !hasSurrogate(b)) return a < b ? -1 : 1;
  const c = Buffer.compare(encodeGoString(a), encodeGoString(b));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}
function hasSurrogate(s) {
  return SURROGATE_RE.test(s);
}
var ESCAPE_BASE, ESCAPE_MIN, ESCAPE_MAX, RUNE_ERROR, SURROGATE_RE;
var init_go_string = __esm({
  "src/internal/go-string.ts"() {
    "use strict";
    ESCAPE_BASE = 56320;
    ESCAPE_MIN = 56448;
    ESCAPE_MAX = 56575;
    RUNE_ERROR = 65533;
    SURROGATE_RE = /[\ud800-\udfff]/;
  }
});

// src/git/repository-error.ts
function repositoryError(what, stderr, context = "") {
  const text = (oneLine(stderr.toString("utf8")) || "failed without a message") + context;
  const missing = /object|blob|cannot read|unable to read|promisor|corrupt|bad file/i.test(text);
  const fix = missing ? ": the clone lacks objects of this commit (damaged, or a partial clone made with --filter); check it with `git fsck`, or clone the repository again without --filter" : "";
  return new RepositoryError(`git ${what}: ${text}${fix}`);
}
function watchRepositoryErrors(target) {
  let first;
  const watched = Object.fromEntries(
    Object.entries(target).map(([name, fn]) => [
      name,
      typeof fn !== "function" ? fn : async (...args) => {
        try {
          const call = fn;
          return await call.apply(target, args);
        } catch (e) {
          if (e instanceof RepositoryError) first ??= e;
          throw e;
        }
      }
    ])
  );
  return { watched, failure: () => first };
}
var RepositoryError;
var init_repository_error = __esm({
  "src/git/repository-error.ts"() {
    "use strict";
    init_errors();
    RepositoryError = class extends InputError {
      name = "RepositoryError";
      code = "repository";
    };
  }
});

// src/git/tar-reader.ts
function cstring(b) {
  const i = b.indexOf(0);
  return i < 0 ? b : b.subarray(0, i);
}
function parseNumber(field2) {
  if (((field2[0] ?? 0) & 128) !== 0) {
    let n = (field2[0] ?? 0) & 127;
    for (let i = 1; i < field2.length; i++) n = n * 256 + (field2[i] ?? 0);
    return n;
  }
  const text = cstring(field2).toString("latin1").trim();
  return text === "" ? 0 : parseInt(text, 8);
}
function parsePax(data) {
  const out = /* @__PURE__ */ new Map();
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(32, i);
    if (sp < 0) break;
    const len = parseInt(data.subarray(i, sp).toString("latin1"), 10);
    if (!(len > 0)) break;
    const rec = data.subarray(sp + 1, i + len - 1);
    const eq = rec.indexOf(61);
    if (eq >= 0) out.set(rec.subarray(0, eq).toString("latin1"), Buffer.from(rec.subarray(eq + 1)));
    i += len;
  }
  return out;
}
async function* readTar(source) {
  const r = new ChunkReader(source[Symbol.asyncIterator]());
  let pax = /* @__PURE__ */ new Map();
  for (; ; ) {
    const first = await r.some(BLOCK);
    if (first === void 0) return;
    const header = first.length === BLOCK ? first : Buffer.concat([first, await r.exact(BLOCK - first.length)]);
    if (header.every((b) => b === 0)) {
      while (await r.some(1 << 16) !== void 0) ;
      return;
    }
    const type = String.fromCharCode(header[156] ?? 0);
    let size = parseNumber(header.subarray(124, 136));
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (type === "x" || type === "g" || type === "L" || type === "K") {
      const data = await r.exact(size);
      await r.skip(padded - size);
      if (type === "x") pax = parsePax(data);
      else if (type === "L") pax.set("path", cstring(data));
      else if (type === "K") pax.set("linkpath", cstring(data));
      continue;
    }
    let name = cstring(header.subarray(0, 100));
    const magic = header.subarray(257, 262).toString("latin1");
    if (magic === "ustar") {
      const prefix = cstring(header.subarray(345, 500));
      if (prefix.length > 0) name = Buffer.concat([prefix, Buffer.from("/"), name]);
    }
    let linkName = cstring(header.subarray(157, 257));
    const paxPath = pax.get("path");
    if (paxPath !== void 0) name = paxPath;
    const paxLink = pax.get("linkpath");
    if (paxLink !== void 0) linkName = paxLink;
    const paxSize = pax.get("size");
    if (paxSize !== void 0) size = parseInt(paxSize.toString("latin1"), 10);
    pax = /* @__PURE__ */ new Map();
    const kind = type === "0" || type === "\0" || type === "7" ? "file" : type === "2" ? "symlink" : type === "5" ? "dir" : "other";
    let consumed = 0;
    const total = size;
    const body = async function* () {
      while (consumed < total) {
        const p = await r.some(total - consumed);
        if (p === void 0) throw new TarFormatError("unexpected end of tar archive");
        consumed += p.length;
        yield p;
      }
    };
    yield { name: Buffer.from(name), kind, size, linkName, body };
    if (consumed < total) {
      const left = total - consumed;
      consumed = total;
      await r.skip(left);
    }
    await r.skip(Math.ceil(total / BLOCK) * BLOCK - total);
  }
}
var BLOCK, TarFormatError, ChunkReader;
var init_tar_reader = __esm({
  "src/git/tar-reader.ts"() {
    "use strict";
    BLOCK = 512;
    TarFormatError = class extends Error {
      name = "TarFormatError";
    };
    ChunkReader = class {
      constructor(source) {
        this.source = source;
      }
      source;
      chunk = Buffer.alloc(0);
      offset = 0;
      /** Returns up to max bytes (at least one) or undefined at end of input. */
      async some(max2) {
        while (this.offset >= this.chunk.length) {
          const r = await this.source.next();
          if (r.done === true) return void 0;
          this.chunk = r.value;
          this.offset = 0;
        }
        const n = Math.min(max2, this.chunk.length - this.offset);
        const out = this.chunk.subarray(this.offset, this.offset + n);
        this.offset += n;
        return out;
      }
      async exact(n) {
        const parts = [];
        let got = 0;
        while (got < n) {
          const p = await this.some(n - got);
          if (p === void 0) throw new TarFormatError("unexpected end of tar archive");
          parts.push(p);
          got += p.length;
        }
        return parts.length === 1 ? parts[0] : Buffer.concat(parts);
      }
      async skip(n) {
        let left = n;
        while (left > 0) {
          const p = await this.some(left);
          if (p === void 0) throw new TarFormatError("unexpected end of tar archive");
          left -= p.length;
        }
      }
    };
  }
});

// src/git/git-repo.ts
import { createHash } from "node:crypto";
import { mkdir, stat, writeFile } from "node:fs/promises";
import path2 from "node:path";
function zipEntryBound(e) {
  const data = e.kind === "symlink" ? e.linkName.length : e.kind === "file" ? e.size : 0;
  const growth = data > BIG_FILE_THRESHOLD ? Math.ceil(data / 1024) : 0;
  return ZIP_ENTRY_OVERHEAD + 2 * e.name.length + data + growth;
}
function archiveArgs(format, commit, subdir) {
  return [
    "-c",
    "core.autocrlf=input",
    "-c",
    "core.eol=lf",
    // The default attributes file lives under the user's home; the mirror has none.
    "-c",
    "core.attributesFile=/dev/null",
    "archive",
    `--format=${format}`,
    `--prefix=${ARCHIVE_PREFIX}`,
    commit,
    ...subdir === "" ? [] : ["--", subdir]
  ];
}
function archiveError(stderr) {
  if (stderr.includes("did not match any files")) return new Error("file does not exist");
  return repositoryError("archive", stderr);
}
function toMember(e, strip) {
  if (!e.name.subarray(0, strip.length).equals(strip)) return void 0;
  const rel = e.name.subarray(strip.length);
  if (rel.length === 0 || e.kind === "dir" || rel[rel.length - 1] === 47) return void 0;
  if (e.kind === "symlink") {
    const target = Buffer.from(e.linkName);
    return {
      path: decodeGoString(rel),
      kind: "symlink",
      size: target.length,
      // eslint-disable-next-line @typescript-eslint/require-await -- the interface is async
      body: async function* () {
        if (target.length > 0) yield target;
      }
    };
  }
  return {
    path: decodeGoString(rel),
    kind: e.kind === "file" ? "regular" : e.kind,
    size: e.kind === "file" ? e.size : 0,
    body: () => e.body()
  };
}
async function openRepo(dir, git = createGitRunner()) {
  const abs = path2.resolve(dir);
  const st = await stat(abs).catch(() => void 0);
  if (st === void 0) throw new InputError(`${abs}: no such directory`);
  if (!st.isDirectory()) {
    throw new InputError(`${abs} is not a directory: give the directory of a git clone`);
  }
  let r;
  try {
    r = await git.run(
      ["rev-parse", "--git-path", "objects", "--is-shallow-repository", "--show-object-format"],
      { cwd: abs }
    );
  } catch (e) {
    throw new InputError(`cannot run git (${errorMessage(e)}): install git and put it on PATH`);
  }
  if (r.code !== 0) {
    throw new InputError(
      `${abs} is not a git repository (git: ${firstLine(r.stderr)}): give the directory of a git clone of the module (in a workflow, run actions/checkout first)`
    );
  }
  const [objects = "", shallow = "", format = "sha1"] = r.stdout.toString("utf8").split("\n");
  return new GitRepo(abs, path2.resolve(abs, objects), shallow === "true", format, git);
}
function firstLine(b) {
  return b.toString("utf8").trim().split("\n")[0] ?? "";
}
var MAX_ZIP_FILE, BIG_FILE_THRESHOLD, ZIP_ENTRY_OVERHEAD, ZIP_TRAILER_OVERHEAD, ARCHIVE_PREFIX, ARCHIVE_ATTRIBUTES, GitRepo;
var init_git_repo = __esm({
  "src/git/git-repo.ts"() {
    "use strict";
    init_errors();
    init_go_string();
    init_temp_dirs();
    init_git_runner();
    init_repository_error();
    init_tar_reader();
    MAX_ZIP_FILE = 500 << 20;
    BIG_FILE_THRESHOLD = 512 << 20;
    ZIP_ENTRY_OVERHEAD = 200;
    ZIP_TRAILER_OVERHEAD = 512;
    ARCHIVE_PREFIX = "prefix/";
    ARCHIVE_ATTRIBUTES = "\n* -export-subst -export-ignore\n";
    GitRepo = class {
      constructor(dir, objectsDir, shallow, objectFormat, git) {
        this.dir = dir;
        this.objectsDir = objectsDir;
        this.shallow = shallow;
        this.objectFormat = objectFormat;
        this.git = git;
      }
      dir;
      objectsDir;
      shallow;
      objectFormat;
      git;
      refCache;
      async out(args, what) {
        const r = await this.git.run(args, { cwd: this.dir });
        if (r.code !== 0) throw repositoryError(what, r.stderr);
        return r.stdout.toString("utf8");
      }
      /** Tags and branches, peeled to commits; tags that name no commit are left out. */
      async refs() {
        this.refCache ??= this.loadRefs();
        return (await this.refCache).refs;
      }
      /**
       * Tags whose object, peeled, is not a commit (a tree or a blob), name →
       * the tag's own object: Go still lists them and tries to resolve them.
       */
      async nonCommitTags() {
        this.refCache ??= this.loadRefs();
        return (await this.refCache).otherTags;
      }
      async loadRefs() {
        const text = await this.out(
          [
            "for-each-ref",
            "--format=%(objectname) %(objecttype) %(refname)",
            "refs/tags",
            "refs/heads"
          ],
          "for-each-ref"
        );
        const rows = text.split("\n").filter((l) => l !== "").map((l) => {
          const [hash = "", type = "", ...rest] = l.split(" ");
          return { hash, type, ref: rest.join(" ") };
        });
        const toPeel = rows.filter((r) => r.type === "tag");
        const peeled = /* @__PURE__ */ new Map();
        if (toPeel.length > 0) {
          const r = await this.git.run(["cat-file", "--batch-check=%(objectname) %(objecttype)"], {
            cwd: this.dir,
            input: toPeel.map((t) => `${t.hash}^{}
`).join("")
          });
          const lines = r.stdout.toString("utf8").split("\n");
          toPeel.forEach((t, i) => {
            const [hash, type] = (lines[i] ?? "").split(" ");
            if (type === "commit" && hash !== void 0) peeled.set(t.hash, hash);
          });
        }
        const tags = /* @__PURE__ */ new Map();
        const heads = /* @__PURE__ */ new Map();
        const otherTags = /* @__PURE__ */ new Map();
        for (const row of rows) {
          const commit = row.type === "commit" ? row.hash : peeled.get(row.hash);
          if (commit === void 0) {
            if (row.ref.startsWith("refs/tags/")) otherTags.set(row.ref.slice(10), row.hash);
            continue;
          }
          if (row.ref.startsWith("refs/tags/")) tags.set(row.ref.slice(10), commit);
          else if (row.ref.startsWith("refs/heads/")) heads.set(row.ref.slice(11), commit);
        }
        const headRes = await this.git.run(["rev-parse", "--verify", "-q", "HEAD^{commit}"], {
          cwd: this.dir
        });
        const head = headRes.code === 0 ? headRes.stdout.toString("utf8").trim() : void 0;
        return { refs: { tags, heads, head }, otherTags };
      }
      /** The commit of a full hash or unique hash prefix, if the repository has it. */
      async resolveHash(hex2) {
        const r = await this.git.run(["rev-parse", "--verify", "-q", `${hex2}^{commit}`], {
          cwd: this.dir
        });
        const h = r.stdout.toString("utf8").trim();
        return r.code === 0 && h.startsWith(hex2.toLowerCase()) ? h : void 0;
      }
      /** Any revision git understands (for `--ref`), peeled to a commit. */
      async resolveAny(rev) {
        const r = await this.git.run(
          ["rev-parse", "--verify", "-q", "--end-of-options", `${rev}^{commit}`],
          { cwd: this.dir }
        );
        return r.code === 0 ? r.stdout.toString("utf8").trim() : void 0;
      }
      /** Hash and committer time of a commit. */
      async commit(hash) {
        const text = await this.out(
          [
            "-c",
            "log.showsignature=false",
            "log",
            "--no-decorate",
            "-n1",
            "--format=format:%H %ct",
            hash,
            "--"
          ],
          "log"
        );
        const [h = "", t = ""] = text.trim().split(" ");
        return { hash: h, time: Number(t) };
      }
      /**
       * The raw blob at `commit:file`; undefined when there is no such path or it
       * is not a file (a directory, a submodule). A file whose object cannot be
       * read is a RepositoryError, never "no such file".
       */
      async readBlob(commit, file) {
        const r = await this.git.run(["cat-file", "blob", `${commit}:${file}`], { cwd: this.dir });
        if (r.code === 0) return r.stdout;
        const entry = await this.git.run(["ls-tree", "-z", "--full-tree", commit, "--", file], {
          cwd: this.dir
        });
        const [, type, oid = ""] = entry.stdout.toString("utf8").split(/[ \t]/);
        if (entry.code !== 0 || type !== "blob") return void 0;
        throw repositoryError("cat-file", r.stderr, ` (${file} is blob ${oid})`);
      }
      /** Whether `ancestor` is `rev` or one of its ancestors (`git merge-base --is-ancestor`). */
      async isAncestor(ancestor, rev) {
        const r = await this.git.run(["merge-base", "--is-ancestor", "--", ancestor, rev], {
          cwd: this.dir
        });
        if (r.code === 0) return true;
        if (r.code === 1) return false;
        throw repositoryError("merge-base", r.stderr);
      }
      /** Names of the tags reachable from `commit` (`git for-each-ref --merged`). */
      async tagsMergedInto(commit) {
        const text = await this.out(
          ["for-each-ref", "--format=%(refname)", "refs/tags", "--merged", commit],
          "for-each-ref"
        );
        return text.split("\n").filter((l) => l.startsWith("refs/tags/")).map((l) => l.slice(10));
      }
      /**
       * Runs `git archive` of `commit` restricted to `subdir` exactly as cmd/go
       * does (in a bare repository of its own, export-subst/export-ignore off,
       * core.autocrlf=input, core.eol=lf) and hands each member below `subdir`
       * to `each`, with its path relative to `subdir`. Resolves to an upper
       * bound of the size of the zip git would write instead (every member
       * counts, directories and gitlinks included).
       */
      async archive(commit, subdir, each) {
        return this.withBareRepo(async (bare) => {
          const s = this.git.stream(archiveArgs("tar", commit, subdir), { cwd: bare });
          const strip = Buffer.from(ARCHIVE_PREFIX + (subdir === "" ? "" : subdir + "/"));
          let zipBound = ZIP_TRAILER_OVERHEAD;
          try {
            for await (const e of readTar(s.stdout)) {
              zipBound += zipEntryBound(e);
              const m = toMember(e, strip);
              if (m !== void 0) await each(m);
            }
          } catch (e) {
            s.kill();
            const end = await s.done.catch(() => void 0);
            if (e instanceof TarFormatError && end !== void 0 && end.stderr.length > 0) {
              throw archiveError(end.stderr);
            }
            throw e;
          }
          const { code, stderr } = await s.done;
          if (code !== 0) throw archiveError(stderr);
          return zipBound;
        });
      }
      /** The size in bytes of `git archive --format=zip`, as cmd/go would receive it. */
      async zipArchiveSize(commit, subdir) {
        return this.withBareRepo(async (bare) => {
          const s = this.git.stream(archiveArgs("zip", commit, subdir), { cwd: bare });
          let n = 0;
          for await (const c of s.stdout) n += c.length;
          const { code, stderr } = await s.done;
          if (code !== 0) throw archiveError(stderr);
          return n;
        });
      }
      /**
       * Lists and hashes the archive of `commit` under `subdir` in one streaming
       * pass, keeping the bytes of the archived `go.mod` only. `maxZipFile` is
       * Go's limit on the zip (a parameter so that tests can use a small one).
       */
      async listArchive(commit, subdir, maxZipFile = MAX_ZIP_FILE) {
        const files2 = [];
        let goMod;
        const zipBound = await this.archive(commit, subdir, async (m) => {
          const h = createHash("sha256");
          const keep = m.kind === "regular" && m.path === "go.mod" ? [] : void 0;
          for await (const c of m.body()) {
            h.update(c);
            keep?.push(Buffer.from(c));
          }
          if (keep !== void 0) goMod = Buffer.concat(keep);
          files2.push({ path: m.path, kind: m.kind, size: m.size, sha256: h.digest() });
        });
        const zipTooLarge2 = zipBound > maxZipFile && await this.zipArchiveSize(commit, subdir) > maxZipFile;
        return { files: files2, goMod, zipTooLarge: zipTooLarge2 };
      }
      /**
       * Makes `dir` a scratch bare repository that reads this repository's
       * objects through `alternates` (nothing copied, nothing written to the
       * user's repository) with cmd/go's info/attributes, as cmd/go archives.
       */
      async initScratchBare(dir) {
        const init = await this.git.run(
          ["init", "--bare", "-q", `--object-format=${this.objectFormat}`, dir],
          { cwd: path2.dirname(dir) }
        );
        if (init.code !== 0) throw new Error(`git init: ${oneLine(init.stderr.toString("utf8"))}`);
        await mkdir(path2.join(dir, "objects", "info"), { recursive: true });
        await writeFile(path2.join(dir, "objects", "info", "alternates"), this.objectsDir + "\n");
        await mkdir(path2.join(dir, "info"), { recursive: true });
        await writeFile(path2.join(dir, "info", "attributes"), ARCHIVE_ATTRIBUTES);
      }
      async withBareRepo(fn) {
        const bare = await makeTempDir("modseal-archive-");
        try {
          await this.initScratchBare(bare);
          return await fn(bare);
        } finally {
          await removeTempDir(bare);
        }
      }
    };
  }
});

// src/git/index.ts
var init_git = __esm({
  "src/git/index.ts"() {
    "use strict";
    init_git_runner();
    init_git_repo();
    init_tar_reader();
    init_repository_error();
  }
});

// src/modfetch/code-host.ts
function allHex(s) {
  return /^[0-9a-fA-F]*$/.test(s);
}
var UnknownRevisionError;
var init_code_host = __esm({
  "src/modfetch/code-host.ts"() {
    "use strict";
    UnknownRevisionError = class extends Error {
      constructor(rev) {
        super(`unknown revision ${rev}`);
        this.rev = rev;
      }
      rev;
      name = "UnknownRevisionError";
    };
  }
});

// src/internal/go-quote.ts
function isGoPrint(cp) {
  if (cp < 0 || cp > 1114111 || cp >= 55296 && cp <= 57343) return false;
  if (cp < 128) return cp >= 32 && cp < 127;
  return PRINTABLE.test(String.fromCodePoint(cp));
}
function hex(n, width) {
  return n.toString(16).padStart(width, "0");
}
function escapeRune(cp, quote) {
  if (cp === quote.charCodeAt(0) || cp === 92) return "\\" + String.fromCharCode(cp);
  if (isGoPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 7:
      return "\\a";
    case 8:
      return "\\b";
    case 12:
      return "\\f";
    case 10:
      return "\\n";
    case 13:
      return "\\r";
    case 9:
      return "\\t";
    case 11:
      return "\\v";
  }
  if (cp < 32 || cp === 127) return "\\x" + hex(cp, 2);
  if (cp < 0 || cp > 1114111 || cp >= 55296 && cp <= 57343) return "\\ufffd";
  if (cp < 65536) return "\\u" + hex(cp, 4);
  return "\\U" + hex(cp, 8);
}
function goQuote(s) {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    const b = escapedByte(cp);
    if (b >= 0) {
      out += "\\x" + hex(b, 2);
    } else if (cp >= 55296 && cp <= 57343) {
      out += "\uFFFD";
    } else {
      out += escapeRune(cp, '"');
    }
  }
  return out + '"';
}
function goQuoteRune(cp) {
  let r = cp;
  if (r < 0 || r > 1114111 || r >= 55296 && r <= 57343) r = 65533;
  return "'" + escapeRune(r, "'") + "'";
}
var PRINTABLE;
var init_go_quote = __esm({
  "src/internal/go-quote.ts"() {
    "use strict";
    init_go_string();
    PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
  }
});

// src/module/errors.ts
function moduleErrorText(path17, version, err) {
  if (err instanceof InvalidVersionError) {
    return `${path17}@${err.version}: invalid ${err.noun}: ${err.err.message}`;
  }
  if (version !== "") return `${path17}@${version}: ${err.message}`;
  return `module ${path17}: ${err.message}`;
}
function versionError(path17, version, err) {
  if (err instanceof ModuleError && err.path === path17 && err.version === version) return err;
  return new ModuleError(path17, version, err);
}
var InvalidVersionError, ModuleError, InvalidPathError;
var init_errors2 = __esm({
  "src/module/errors.ts"() {
    "use strict";
    init_go_quote();
    InvalidVersionError = class extends Error {
      name = "InvalidVersionError";
      version;
      pseudo;
      err;
      constructor(version, err, pseudo = false) {
        super(`${pseudo ? "pseudo-version" : "version"} ${goQuote(version)} invalid: ${err.message}`);
        this.version = version;
        this.pseudo = pseudo;
        this.err = err;
      }
      /** "version" or "pseudo-version", as Go's error texts call it. */
      get noun() {
        return this.pseudo ? "pseudo-version" : "version";
      }
    };
    ModuleError = class extends Error {
      name = "ModuleError";
      path;
      version;
      err;
      constructor(path17, version, err) {
        super(moduleErrorText(path17, version, err));
        this.path = path17;
        this.version = version;
        this.err = err;
      }
    };
    InvalidPathError = class extends Error {
      name = "InvalidPathError";
      kind;
      path;
      err;
      constructor(kind, path17, err) {
        super(`malformed ${kind} path ${goQuote(path17)}: ${err.message}`);
        this.kind = kind;
        this.path = path17;
        this.err = err;
      }
    };
  }
});

// src/internal/fold.ts
function sameSimpleFold(a, b) {
  return new RegExp(`^\\u{${a.toString(16)}}$`, "iu").test(String.fromCodePoint(b));
}
function singleCodePoint(s) {
  const cp = s.codePointAt(0);
  if (cp === void 0) return void 0;
  return s.length === (cp > 65535 ? 2 : 1) ? cp : void 0;
}
function buildOrbits() {
  const parent = /* @__PURE__ */ new Map();
  const find = (x) => {
    let r = x;
    for (let p = parent.get(r); p !== void 0 && p !== r; p = parent.get(r)) r = p;
    for (let y = x, p = parent.get(y); p !== void 0 && p !== r; p = parent.get(y)) {
      parent.set(y, r);
      y = p;
    }
    return r;
  };
  const union = (a, b) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const cased = new RegExp("\\p{Changes_When_Casemapped}", "gu");
  const sameFullUpper = /* @__PURE__ */ new Map();
  const chunk = 4096;
  for (let start = 0; start <= MAX_RUNE; start += chunk) {
    if (start >= 55296 && start < 57344) continue;
    if (start >= 196608 && start < 917504) continue;
    if (start >= 983040) continue;
    const cps = [];
    for (let cp = start; cp < start + chunk; cp++) cps.push(cp);
    const text = String.fromCodePoint(...cps);
    for (const m of text.matchAll(cased)) {
      const ch = m[0];
      const cp = ch.codePointAt(0);
      const lower2 = ch.toLowerCase();
      const upper = ch.toUpperCase();
      if (singleCodePoint(upper) === void 0) {
        const same2 = sameFullUpper.get(upper);
        if (same2 === void 0) sameFullUpper.set(upper, [cp]);
        else same2.push(cp);
      }
      const candidates = [lower2, upper, upper.toLowerCase(), lower2.toUpperCase()];
      for (const c of candidates) {
        const other = singleCodePoint(c);
        if (other !== void 0 && other !== cp && sameSimpleFold(cp, other)) union(cp, other);
      }
    }
  }
  for (const cps of sameFullUpper.values()) {
    for (let i = 0; i < cps.length; i++) {
      for (let j = i + 1; j < cps.length; j++) {
        if (sameSimpleFold(cps[i], cps[j])) union(cps[i], cps[j]);
      }
    }
  }
  const groups = /* @__PURE__ */ new Map();
  for (const cp of parent.keys()) {
    const r = find(cp);
    let g = groups.get(r);
    if (g === void 0) {
      g = [];
      groups.set(r, g);
    }
    g.push(cp);
  }
  const out = /* @__PURE__ */ new Map();
  for (const g of groups.values()) {
    g.sort((x, y) => x - y);
    const frozen = Object.freeze(g);
    for (const cp of g) out.set(cp, frozen);
  }
  return out;
}
function orbitOf(cp) {
  orbits ??= buildOrbits();
  return orbits.get(cp);
}
function simpleFold(cp) {
  if (cp < 0 || cp > MAX_RUNE) return cp;
  const orbit = orbitOf(cp);
  if (orbit === void 0) return cp;
  for (const x of orbit) if (x > cp) return x;
  return orbit[0];
}
function toFold(s) {
  if (/^[\0-@[-\x7f]*$/.test(s)) return s;
  let out = "";
  for (const { rune } of goRunes(s)) {
    let r = rune;
    const orbit = orbitOf(r);
    if (orbit !== void 0) r = orbit[0];
    if (r >= 65 && r <= 90) r += 32;
    out += String.fromCodePoint(r);
  }
  return out;
}
function equalFold(a, b) {
  const ra = [...goRunes(a)];
  const rb = [...goRunes(b)];
  if (ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) {
    let sr = ra[i].rune;
    let tr = rb[i].rune;
    if (sr === tr) continue;
    if (tr < sr) [sr, tr] = [tr, sr];
    if (tr < 128) {
      if (sr >= 65 && sr <= 90 && tr === sr + 32) continue;
      return false;
    }
    let r = simpleFold(sr);
    while (r !== sr && r < tr) r = simpleFold(r);
    if (r !== tr) return false;
  }
  return true;
}
var MAX_RUNE, orbits;
var init_fold = __esm({
  "src/internal/fold.ts"() {
    "use strict";
    init_go_string();
    MAX_RUNE = 1114111;
  }
});

// src/semver/semver.ts
function isDigit(c) {
  return c !== void 0 && c >= "0" && c <= "9";
}
function isIdentChar(c) {
  return c >= "A" && c <= "Z" || c >= "a" && c <= "z" || c >= "0" && c <= "9" || c === "-";
}
function isBadNum(id) {
  return /^0[0-9]+$/.test(id);
}
function isNum(id) {
  return /^[0-9]*$/.test(id);
}
function parseInt2(v) {
  if (!isDigit(v[0])) return void 0;
  let i = 1;
  while (isDigit(v[i])) i++;
  if (v[0] === "0" && i !== 1) return void 0;
  return [v.slice(0, i), v.slice(i)];
}
function parseIdents(v, sep, stopAtPlus, checkNum) {
  if (v[0] !== sep) return void 0;
  let i = 1;
  let start = 1;
  while (i < v.length && !(stopAtPlus && v[i] === "+")) {
    const c = v[i];
    if (!isIdentChar(c) && c !== ".") return void 0;
    if (c === ".") {
      if (start === i || checkNum && isBadNum(v.slice(start, i))) return void 0;
      start = i + 1;
    }
    i++;
  }
  if (start === i || checkNum && isBadNum(v.slice(start, i))) return void 0;
  return [v.slice(0, i), v.slice(i)];
}
function parse(v) {
  if (v === "" || v[0] !== "v") return void 0;
  const p = { major: "", minor: "", patch: "", short: "", prerelease: "", build: "" };
  let r = parseInt2(v.slice(1));
  if (r === void 0) return void 0;
  let rest;
  [p.major, rest] = r;
  if (rest === "") {
    p.minor = "0";
    p.patch = "0";
    p.short = ".0.0";
    return p;
  }
  if (rest[0] !== ".") return void 0;
  r = parseInt2(rest.slice(1));
  if (r === void 0) return void 0;
  [p.minor, rest] = r;
  if (rest === "") {
    p.patch = "0";
    p.short = ".0";
    return p;
  }
  if (rest[0] !== ".") return void 0;
  r = parseInt2(rest.slice(1));
  if (r === void 0) return void 0;
  [p.patch, rest] = r;
  if (rest[0] === "-") {
    const q = parseIdents(rest, "-", true, true);
    if (q === void 0) return void 0;
    [p.prerelease, rest] = q;
  }
  if (rest[0] === "+") {
    const q = parseIdents(rest, "+", false, false);
    if (q === void 0) return void 0;
    [p.build, rest] = q;
  }
  if (rest !== "") return void 0;
  return p;
}
function isValid(v) {
  return parse(v) !== void 0;
}
function canonical(v) {
  const p = parse(v);
  if (p === void 0) return "";
  if (p.build !== "") return v.slice(0, v.length - p.build.length);
  return v + p.short;
}
function major(v) {
  const p = parse(v);
  if (p === void 0) return "";
  return v.slice(0, 1 + p.major.length);
}
function majorMinor(v) {
  const p = parse(v);
  if (p === void 0) return "";
  const i = 1 + p.major.length;
  const j = i + 1 + p.minor.length;
  if (j <= v.length && v[i] === "." && v.slice(i + 1, j) === p.minor) return v.slice(0, j);
  return v.slice(0, i) + "." + p.minor;
}
function prerelease(v) {
  return parse(v)?.prerelease ?? "";
}
function build(v) {
  return parse(v)?.build ?? "";
}
function compareInt(x, y) {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}
function comparePrerelease(x, y) {
  if (x === y) return 0;
  if (x === "") return 1;
  if (y === "") return -1;
  const xs = x.slice(1).split(".");
  const ys = y.slice(1).split(".");
  for (let k = 0; k < xs.length && k < ys.length; k++) {
    const dx = xs[k];
    const dy = ys[k];
    if (dx === dy) continue;
    const nx = isNum(dx);
    const ny = isNum(dy);
    if (nx !== ny) return nx ? -1 : 1;
    if (nx && dx.length !== dy.length) return dx.length < dy.length ? -1 : 1;
    return dx < dy ? -1 : 1;
  }
  return xs.length < ys.length ? -1 : 1;
}
function compare(v, w) {
  const pv = parse(v);
  const pw = parse(w);
  if (pv === void 0 && pw === void 0) return 0;
  if (pv === void 0) return -1;
  if (pw === void 0) return 1;
  return compareInt(pv.major, pw.major) || compareInt(pv.minor, pw.minor) || compareInt(pv.patch, pw.patch) || comparePrerelease(pv.prerelease, pw.prerelease);
}
function compareVersionStrings(a, b) {
  return compare(a, b) || compareGoStrings(a, b);
}
function sortVersions(list) {
  return [...list].sort(compareVersionStrings);
}
var init_semver = __esm({
  "src/semver/semver.ts"() {
    "use strict";
    init_go_string();
  }
});

// src/module/path.ts
function isAsciiAlnum(cp) {
  return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122;
}
function firstPathOK(cp) {
  return cp === 45 || cp === 46 || cp >= 48 && cp <= 57 || cp >= 97 && cp <= 122;
}
function modPathOK(cp) {
  return isAsciiAlnum(cp) || cp === 45 || cp === 46 || cp === 95 || cp === 126;
}
function importPathOK(cp) {
  return modPathOK(cp) || cp === 43;
}
function fileNameOK(cp) {
  if (cp < 128) return isAsciiAlnum(cp) || FILE_PUNCT.has(cp);
  return LETTER.test(String.fromCodePoint(cp));
}
function isBadWindowsName(short2) {
  if (short2.length < 3 || short2.length > 8) return false;
  if (!/[^\x20-\x7e]/.test(short2)) return BAD_WINDOWS_UPPER.has(short2.toUpperCase());
  return BAD_WINDOWS_NAMES.some((bad) => equalFold(bad, short2));
}
function checkElem(elem, kind) {
  if (elem === "") return new Error("empty path element");
  if (/^\.+$/.test(elem)) return new Error(`invalid path element ${goQuote(elem)}`);
  if (elem[0] === "." && kind === "module") return new Error("leading dot in path element");
  if (elem.endsWith(".")) return new Error("trailing dot in path element");
  const ok = kind === "module" ? modPathOK : kind === "import" ? importPathOK : fileNameOK;
  for (const ch of elem) {
    const cp = ch.codePointAt(0);
    if (!ok(cp)) return new Error(`invalid char ${goQuoteRune(cp)}`);
  }
  const dot = elem.indexOf(".");
  const short2 = dot >= 0 ? elem.slice(0, dot) : elem;
  if (isBadWindowsName(short2)) {
    return new Error(`${goQuote(short2)} disallowed as path element component on Windows`);
  }
  if (kind === "file") return void 0;
  const tilde = short2.lastIndexOf("~");
  if (tilde >= 0 && tilde < short2.length - 1 && /^[0-9]+$/.test(short2.slice(tilde + 1))) {
    return new Error("trailing tilde and digits in path element");
  }
  return void 0;
}
function checkPathText(path17, kind) {
  if (!isValidUtf8GoString(path17)) return new Error("invalid UTF-8");
  if (path17 === "") return new Error("empty string");
  if (path17[0] === "-" && kind !== "file") return new Error("leading dash");
  if (path17.includes("//")) return new Error("double slash");
  if (path17.endsWith("/")) return new Error("trailing slash");
  for (const elem of path17.split("/")) {
    const err = checkElem(elem, kind);
    if (err !== void 0) return err;
  }
  return void 0;
}
function checkPath(path17) {
  const reason2 = checkModulePath(path17);
  return reason2 === void 0 ? void 0 : new InvalidPathError("module", path17, reason2);
}
function checkModulePath(path17) {
  const err = checkPathText(path17, "module");
  if (err !== void 0) return err;
  let i = path17.indexOf("/");
  if (i < 0) i = path17.length;
  if (i === 0) return new Error("leading slash");
  const first = path17.slice(0, i);
  if (!first.includes(".")) return new Error("missing dot in first path element");
  if (path17[0] === "-") return new Error("leading dash in first path element");
  for (const ch of first) {
    const cp = ch.codePointAt(0);
    if (!firstPathOK(cp)) return new Error(`invalid char ${goQuoteRune(cp)} in first path element`);
  }
  if (!splitPathVersion(path17).ok) return new Error("invalid version");
  return void 0;
}
function checkFilePath(path17) {
  const err = checkPathText(path17, "file");
  return err === void 0 ? void 0 : new InvalidPathError("file", path17, err);
}
function checkFileElem(elem) {
  return checkElem(elem, "file");
}
function isAsciiDigit(c) {
  return c !== void 0 && c >= "0" && c <= "9";
}
function splitPathVersion(path17) {
  if (path17.startsWith("gopkg.in/")) return splitGopkgIn(path17);
  let i = path17.length;
  let dot = false;
  while (i > 0 && (isAsciiDigit(path17[i - 1]) || path17[i - 1] === ".")) {
    if (path17[i - 1] === ".") dot = true;
    i--;
  }
  if (i <= 1 || i === path17.length || path17[i - 1] !== "v" || path17[i - 2] !== "/") {
    return { prefix: path17, pathMajor: "", ok: true };
  }
  const prefix = path17.slice(0, i - 2);
  const pathMajor = path17.slice(i - 2);
  if (dot || pathMajor.length <= 2 || pathMajor[2] === "0" || pathMajor === "/v1") {
    return { prefix: path17, pathMajor: "", ok: false };
  }
  return { prefix, pathMajor, ok: true };
}
function splitGopkgIn(path17) {
  if (!path17.startsWith("gopkg.in/")) return { prefix: path17, pathMajor: "", ok: false };
  let i = path17.length;
  if (path17.endsWith("-unstable")) i -= "-unstable".length;
  while (i > 0 && isAsciiDigit(path17[i - 1])) i--;
  if (i <= 1 || path17[i - 1] !== "v" || path17[i - 2] !== ".") {
    return { prefix: path17, pathMajor: "", ok: false };
  }
  const prefix = path17.slice(0, i - 2);
  const pathMajor = path17.slice(i - 2);
  if (pathMajor.length <= 2 || pathMajor[2] === "0" && pathMajor !== ".v0") {
    return { prefix: path17, pathMajor: "", ok: false };
  }
  return { prefix, pathMajor, ok: true };
}
function isGopkgIn(path17) {
  return path17.startsWith("gopkg.in/");
}
function trimUnstable(pathMajor) {
  if (pathMajor.startsWith(".v") && pathMajor.endsWith("-unstable")) {
    return pathMajor.slice(0, -"-unstable".length);
  }
  return pathMajor;
}
function checkPathMajor(v, pathMajor) {
  let pm = trimUnstable(pathMajor);
  if (v.startsWith("v0.0.0-") && pm === ".v1") return void 0;
  const m = major(v);
  if (pm === "") {
    if (m === "v0" || m === "v1" || build(v) === "+incompatible") return void 0;
    pm = "v0 or v1";
  } else if (pm[0] === "/" || pm[0] === ".") {
    if (m === pm.slice(1)) return void 0;
    pm = pm.slice(1);
  }
  return new InvalidVersionError(v, new Error(`should be ${pm}, not ${m}`));
}
function matchPathMajor(v, pathMajor) {
  return checkPathMajor(v, pathMajor) === void 0;
}
function pathMajorPrefix(pathMajor) {
  if (pathMajor === "") return "";
  if (pathMajor[0] !== "/" && pathMajor[0] !== ".") {
    throw new Error(`pathMajor suffix ${pathMajor} passed to PathMajorPrefix lacks separator`);
  }
  const pm = trimUnstable(pathMajor);
  const m = pm.slice(1);
  if (m !== major(m)) {
    throw new Error(`pathMajor suffix ${pm}passed to PathMajorPrefix is not a valid major version`);
  }
  return m;
}
function check(path17, version) {
  const perr = checkPath(path17);
  if (perr !== void 0) return perr;
  if (!isValid(version)) {
    return new ModuleError(
      path17,
      "",
      new InvalidVersionError(version, new Error("not a semantic version"))
    );
  }
  const merr = checkPathMajor(version, splitPathVersion(path17).pathMajor);
  if (merr !== void 0) return new ModuleError(path17, "", merr);
  return void 0;
}
function canonicalVersion(v) {
  const cv = canonical(v);
  return build(v) === "+incompatible" ? cv + "+incompatible" : cv;
}
var LETTER, FILE_PUNCT, BAD_WINDOWS_NAMES, BAD_WINDOWS_UPPER;
var init_path = __esm({
  "src/module/path.ts"() {
    "use strict";
    init_fold();
    init_go_quote();
    init_go_string();
    init_semver();
    init_errors2();
    LETTER = new RegExp("^\\p{L}$", "u");
    FILE_PUNCT = new Set([..."!#$%&()+,-.=@[]^_{}~ "].map((c) => c.charCodeAt(0)));
    BAD_WINDOWS_NAMES = [
      "CON",
      "PRN",
      "AUX",
      "NUL",
      "COM1",
      "COM2",
      "COM3",
      "COM4",
      "COM5",
      "COM6",
      "COM7",
      "COM8",
      "COM9",
      "LPT1",
      "LPT2",
      "LPT3",
      "LPT4",
      "LPT5",
      "LPT6",
      "LPT7",
      "LPT8",
      "LPT9"
    ];
    BAD_WINDOWS_UPPER = new Set(BAD_WINDOWS_NAMES);
  }
});

// src/module/escape.ts
function escapeString(s) {
  for (const ch of s) {
    if (ch === "!" || ch.codePointAt(0) >= 128) {
      throw new Error("internal error: inconsistency in EscapePath");
    }
  }
  return s.replace(/[A-Z]/g, (c) => "!" + c.toLowerCase());
}
function escapePath(path17) {
  const err = checkPath(path17);
  if (err !== void 0) throw err;
  return escapeString(path17);
}
function escapeVersion(v) {
  if (checkFileElem(v) !== void 0 || v.includes("!")) {
    throw new InvalidVersionError(v, new Error("disallowed version string"));
  }
  return escapeString(v);
}
function unescapeString(escaped) {
  let out = "";
  let bang = false;
  for (const ch of escaped) {
    const cp = ch.codePointAt(0);
    if (cp >= 128) return void 0;
    if (bang) {
      bang = false;
      if (ch < "a" || ch > "z") return void 0;
      out += ch.toUpperCase();
      continue;
    }
    if (ch === "!") {
      bang = true;
      continue;
    }
    if (ch >= "A" && ch <= "Z") return void 0;
    out += ch;
  }
  if (bang) return void 0;
  return out;
}
function unescapePath(escaped) {
  const path17 = unescapeString(escaped);
  if (path17 === void 0) throw new Error(`invalid escaped module path ${goQuote(escaped)}`);
  const err = checkPath(path17);
  if (err !== void 0) {
    throw new Error(`invalid escaped module path ${goQuote(escaped)}: ${err.message}`);
  }
  return path17;
}
function unescapeVersion(escaped) {
  const v = unescapeString(escaped);
  if (v === void 0) throw new Error(`invalid escaped version ${goQuote(escaped)}`);
  const err = checkFileElem(v);
  if (err !== void 0) throw new Error(`invalid escaped version ${goQuote(v)}: ${err.message}`);
  return v;
}
var init_escape = __esm({
  "src/module/escape.ts"() {
    "use strict";
    init_go_quote();
    init_errors2();
    init_path();
  }
});

// src/module/match.ts
function scanChunk(p) {
  let star = false;
  let s = 0;
  while (s < p.length && p[s] === STAR) {
    s++;
    star = true;
  }
  let inRange = false;
  let i = s;
  scan: for (; i < p.length; i++) {
    switch (p[i]) {
      case BACKSLASH:
        if (i + 1 < p.length) i++;
        break;
      case LBRACKET:
        inRange = true;
        break;
      case RBRACKET:
        inRange = false;
        break;
      case STAR:
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunk: p.subarray(s, i), rest: p.subarray(i) };
}
function getEsc(chunk) {
  if (chunk.length === 0 || chunk[0] === DASH || chunk[0] === RBRACKET) throw new BadPattern();
  let c = chunk;
  if (c[0] === BACKSLASH) {
    c = c.subarray(1);
    if (c.length === 0) throw new BadPattern();
  }
  const [r, n] = decodeRune(c, 0);
  const rest = c.subarray(n);
  if (r === RUNE_ERROR && n === 1 || rest.length === 0) throw new BadPattern();
  return [r, rest];
}
function matchChunk(chunkIn, sIn) {
  let chunk = chunkIn;
  let s = sIn;
  let failed2 = false;
  while (chunk.length > 0) {
    if (!failed2 && s.length === 0) failed2 = true;
    const c0 = chunk[0];
    if (c0 === LBRACKET) {
      let r = 0;
      if (!failed2) {
        const [rr, n] = decodeRune(s, 0);
        r = rr;
        s = s.subarray(n);
      }
      chunk = chunk.subarray(1);
      let negated = false;
      if (chunk.length > 0 && chunk[0] === CARET) {
        negated = true;
        chunk = chunk.subarray(1);
      }
      let match = false;
      let nrange = 0;
      for (; ; ) {
        if (chunk.length > 0 && chunk[0] === RBRACKET && nrange > 0) {
          chunk = chunk.subarray(1);
          break;
        }
        let lo;
        let hi;
        [lo, chunk] = getEsc(chunk);
        hi = lo;
        if (chunk[0] === DASH) [hi, chunk] = getEsc(chunk.subarray(1));
        if (lo <= r && r <= hi) match = true;
        nrange++;
      }
      if (match === negated) failed2 = true;
    } else if (c0 === QUESTION) {
      if (!failed2) {
        if (s[0] === SLASH) failed2 = true;
        const [, n] = decodeRune(s, 0);
        s = s.subarray(n);
      }
      chunk = chunk.subarray(1);
    } else {
      if (c0 === BACKSLASH) {
        chunk = chunk.subarray(1);
        if (chunk.length === 0) throw new BadPattern();
      }
      if (!failed2) {
        if (chunk[0] !== s[0]) failed2 = true;
        s = s.subarray(1);
      }
      chunk = chunk.subarray(1);
    }
  }
  return failed2 ? void 0 : s;
}
function tryMatchChunk(chunk, s) {
  try {
    const rest = matchChunk(chunk, s);
    return rest === void 0 ? { bad: false } : { rest, bad: false };
  } catch (e) {
    if (e instanceof BadPattern) return { bad: true };
    throw e;
  }
}
function matchBytes(patternIn, nameIn) {
  let pattern = patternIn;
  let name = nameIn;
  pattern: while (pattern.length > 0) {
    const { star, chunk, rest } = scanChunk(pattern);
    pattern = rest;
    if (star && chunk.length === 0) return !name.includes(SLASH);
    const first = tryMatchChunk(chunk, name);
    if (first.rest !== void 0 && (first.rest.length === 0 || pattern.length > 0)) {
      name = first.rest;
      continue;
    }
    if (first.bad) return false;
    if (star) {
      for (let i = 0; i < name.length && name[i] !== SLASH; i++) {
        const t = tryMatchChunk(chunk, name.subarray(i + 1));
        if (t.rest !== void 0) {
          if (pattern.length === 0 && t.rest.length > 0) continue;
          name = t.rest;
          continue pattern;
        }
        if (t.bad) return false;
      }
    }
    while (pattern.length > 0) {
      const next = scanChunk(pattern);
      pattern = next.rest;
      if (tryMatchChunk(next.chunk, new Uint8Array(0)).bad) return false;
    }
    return false;
  }
  return name.length === 0;
}
function pathMatch(pattern, name) {
  return matchBytes(encodeGoString(pattern), encodeGoString(name));
}
function matchPrefixPatterns(globs, target) {
  for (let glob of globs.split(",")) {
    if (glob.endsWith("/")) glob = glob.slice(0, -1);
    if (glob === "") continue;
    let n = 0;
    for (const c of glob) if (c === "/") n++;
    let prefix = target;
    for (let i = 0; i < target.length; i++) {
      if (target[i] === "/") {
        if (n === 0) {
          prefix = target.slice(0, i);
          break;
        }
        n--;
      }
    }
    if (n > 0) continue;
    if (pathMatch(glob, prefix)) return true;
  }
  return false;
}
var SLASH, STAR, BACKSLASH, LBRACKET, RBRACKET, CARET, DASH, QUESTION, BadPattern;
var init_match = __esm({
  "src/module/match.ts"() {
    "use strict";
    init_go_string();
    SLASH = 47;
    STAR = 42;
    BACKSLASH = 92;
    LBRACKET = 91;
    RBRACKET = 93;
    CARET = 94;
    DASH = 45;
    QUESTION = 63;
    BadPattern = class extends Error {
      constructor() {
        super("syntax error in pattern");
      }
    };
  }
});

// src/module/pseudo.ts
function formatPseudoTimestamp(t) {
  const y = t.getUTCFullYear();
  const year = y < 0 ? "-" + String(-y).padStart(4, "0") : String(y).padStart(4, "0");
  const two = (n) => String(n).padStart(2, "0");
  return year + two(t.getUTCMonth() + 1) + two(t.getUTCDate()) + two(t.getUTCHours()) + two(t.getUTCMinutes()) + two(t.getUTCSeconds());
}
function pseudoVersion(major2, older, t, rev) {
  const mj = major2 === "" ? "v0" : major2;
  const segment = `${formatPseudoTimestamp(t)}-${rev}`;
  const build2 = build(older);
  const base = canonical(older);
  if (base === "") return `${mj}.0.0-${segment}`;
  if (prerelease(base) !== "") return `${base}.0.${segment}${build2}`;
  const i = base.lastIndexOf(".") + 1;
  return `${base.slice(0, i)}${incDecimal(base.slice(i))}-0.${segment}${build2}`;
}
function incDecimal(decimal) {
  const d = [...decimal];
  let i = d.length - 1;
  for (; i >= 0 && d[i] === "9"; i--) d[i] = "0";
  if (i >= 0) {
    d[i] = String.fromCharCode(d[i].charCodeAt(0) + 1);
  } else {
    d[0] = "1";
    d.push("0");
  }
  return d.join("");
}
function decDecimal(decimal) {
  let d = [...decimal];
  let i = d.length - 1;
  for (; i >= 0 && d[i] === "0"; i--) d[i] = "9";
  if (i < 0) return "";
  if (i === 0 && d[i] === "1" && d.length > 1) {
    d = d.slice(1);
  } else {
    d[i] = String.fromCharCode(d[i].charCodeAt(0) - 1);
  }
  return d.join("");
}
function isPseudoVersion(v) {
  let dashes = 0;
  for (const c of v) if (c === "-") dashes++;
  return dashes >= 2 && isValid(v) && PSEUDO_RE.test(v);
}
function parsePseudoVersion(v) {
  if (!isPseudoVersion(v)) throw new InvalidVersionError(v, new Error("syntax error"), true);
  const build2 = build(v);
  let rest = v.slice(0, v.length - build2.length);
  const j = rest.lastIndexOf("-");
  const rev = rest.slice(j + 1);
  rest = rest.slice(0, j);
  const i = rest.lastIndexOf("-");
  const k = rest.lastIndexOf(".");
  if (k > i) return { base: rest.slice(0, k), timestamp: rest.slice(k + 1), rev, build: build2 };
  return { base: rest.slice(0, i), timestamp: rest.slice(i + 1), rev, build: build2 };
}
function daysIn(month, year) {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function pseudoVersionTime(v) {
  const { timestamp: timestamp2 } = parsePseudoVersion(v);
  const n = (a, b) => Number(timestamp2.slice(a, b));
  const [year, month, day, hour, min, sec] = [
    n(0, 4),
    n(4, 6),
    n(6, 8),
    n(8, 10),
    n(10, 12),
    n(12, 14)
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || min > 59 || sec > 59) {
    throw new InvalidVersionError(v, new Error(`malformed time ${goQuote(timestamp2)}`), true);
  }
  const d = /* @__PURE__ */ new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, min, sec, 0);
  return d;
}
function pseudoVersionRev(v) {
  return parsePseudoVersion(v).rev;
}
function pseudoVersionBase(v) {
  const { base, build: build2 } = parsePseudoVersion(v);
  const pre = prerelease(base);
  if (pre === "") {
    if (build2 !== "") {
      throw new InvalidVersionError(
        v,
        new Error(`lacks base version, but has build metadata ${goQuote(build2)}`),
        true
      );
    }
    return "";
  }
  if (pre === "-0") {
    const b = base.slice(0, base.length - pre.length);
    const i = b.lastIndexOf(".");
    const patch = decDecimal(b.slice(i + 1));
    if (patch === "") {
      throw new InvalidVersionError(
        v,
        new Error(`version before ${b} would have negative patch number`),
        true
      );
    }
    return b.slice(0, i + 1) + patch + build2;
  }
  return base.slice(0, -".0".length) + build2;
}
var PSEUDO_RE;
var init_pseudo = __esm({
  "src/module/pseudo.ts"() {
    "use strict";
    init_go_quote();
    init_semver();
    init_errors2();
    PSEUDO_RE = /^v[0-9]+\.(0\.0-|[0-9]+\.[0-9]+-([^+]*\.)?0\.)[0-9]{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
  }
});

// src/module/index.ts
var init_module = __esm({
  "src/module/index.ts"() {
    "use strict";
    init_errors2();
    init_path();
    init_escape();
    init_match();
    init_pseudo();
  }
});

// src/modfile/text.ts
function toBytes(data) {
  return typeof data === "string" ? encodeGoString(data) : data;
}
function isSpace(r) {
  if (r <= 255) {
    return r === 9 || r === 10 || r === 11 || r === 12 || r === 13 || r === 32 || r === 133 || r === 160;
  }
  if (r > 1114111 || r >= 55296 && r <= 57343) return false;
  return whiteSpaceRe.test(String.fromCodePoint(r));
}
function unhex(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 97 + 10;
  if (c >= 65 && c <= 70) return c - 65 + 10;
  return -1;
}
function isValidUtf8(b) {
  let i = 0;
  while (i < b.length) {
    const [r, size] = decodeRune(b, i);
    if (size === 1 && r === RUNE_ERROR && (b[i] ?? 0) >= 128) return false;
    i += size;
  }
  return true;
}
function encodeRune(r, out) {
  for (const byte of Buffer.from(String.fromCodePoint(r), "utf8")) out.push(byte);
}
function goUnquote(s) {
  const b = encodeGoString(s);
  const n = b.length;
  if (n < 2) return void 0;
  const quote = b[0] ?? 0;
  const end = b.indexOf(quote, 1);
  if (end < 0) return void 0;
  if (quote === 96) {
    if (end !== n - 1) return void 0;
    const body = Array.from(b.subarray(1, n - 1)).filter((c) => c !== 13);
    return decodeGoString(Uint8Array.from(body));
  }
  if (quote !== 34 && quote !== 39) return void 0;
  const head = b.subarray(0, end + 1);
  if (!head.includes(92) && !head.includes(10)) {
    let valid;
    const inner = b.subarray(1, end);
    if (quote === 34) {
      valid = isValidUtf8(inner);
    } else {
      const [r, size] = decodeRune(inner, 0);
      valid = size + 2 === end + 1 && (r !== RUNE_ERROR || size !== 1);
    }
    if (valid) return end === n - 1 ? decodeGoString(inner) : void 0;
  }
  const out = [];
  let i = 1;
  while (i < n && b[i] !== quote) {
    const c = b[i] ?? 0;
    if (c === 10) return void 0;
    if (c >= 128) {
      const [r, size] = decodeRune(b, i);
      encodeRune(r, out);
      i += size;
    } else if (c !== 92) {
      out.push(c);
      i++;
    } else {
      if (i + 1 >= n) return void 0;
      const e = b[i + 1] ?? 0;
      i += 2;
      const simple = {
        97: 7,
        98: 8,
        102: 12,
        110: 10,
        114: 13,
        116: 9,
        118: 11,
        92: 92
      };
      const mapped = simple[e];
      if (mapped !== void 0) {
        out.push(mapped);
      } else if (e === 120 || e === 117 || e === 85) {
        const digits = e === 120 ? 2 : e === 117 ? 4 : 8;
        if (i + digits > n) return void 0;
        let v = 0;
        for (let j = 0; j < digits; j++) {
          const x = unhex(b[i + j] ?? 0);
          if (x < 0) return void 0;
          v = v * 16 + x;
        }
        i += digits;
        if (e === 120) {
          out.push(v);
        } else {
          if (v > 1114111 || v >= 55296 && v <= 57343) return void 0;
          encodeRune(v, out);
        }
      } else if (e >= 48 && e <= 55) {
        if (i + 2 > n) return void 0;
        let v = e - 48;
        for (let j = 0; j < 2; j++) {
          const x = (b[i + j] ?? 0) - 48;
          if (x < 0 || x > 7) return void 0;
          v = v * 8 + x;
        }
        i += 2;
        if (v > 255) return void 0;
        out.push(v);
      } else if (e === 39 || e === 34) {
        if (e !== quote) return void 0;
        out.push(e);
      } else {
        return void 0;
      }
    }
    if (quote === 39) break;
  }
  if (!(i < n && b[i] === quote)) return void 0;
  if (i + 1 !== n) return void 0;
  return decodeGoString(Uint8Array.from(out));
}
function isIdentRune(r) {
  switch (r) {
    case 32:
    case 40:
    case 41:
    case 91:
    case 93:
    case 123:
    case 125:
    case 44:
      return false;
    default:
      return !isSpace(r) && isGoPrint(r);
  }
}
function goTrimSpace(s) {
  const chars = [...s];
  let i = 0;
  let j = chars.length;
  const space = (ch) => isSpace(ch?.codePointAt(0) ?? -1);
  while (i < j && space(chars[i])) i++;
  while (j > i && space(chars[j - 1])) j--;
  return chars.slice(i, j).join("");
}
var whiteSpaceRe;
var init_text = __esm({
  "src/modfile/text.ts"() {
    "use strict";
    init_go_string();
    init_go_quote();
    whiteSpaceRe = new RegExp("^\\p{White_Space}$", "u");
  }
});

// src/modfile/print.ts
var init_print = __esm({
  "src/modfile/print.ts"() {
    "use strict";
    init_text();
  }
});

// src/modfile/syntax.ts
function noComments() {
  return { before: [], suffix: [], after: [] };
}
function addPos(p, s) {
  return { line: p.line, lineRune: p.lineRune + [...s].length, byte: p.byte + s.length };
}
function span(x) {
  switch (x.kind) {
    case "file": {
      const first = x.stmt[0];
      const last = x.stmt[x.stmt.length - 1];
      if (first === void 0 || last === void 0) {
        const zero = { line: 0, lineRune: 0, byte: 0 };
        return [zero, zero];
      }
      return [span(first)[0], span(last)[1]];
    }
    case "comments":
      return [x.start, x.start];
    case "line":
      return [x.start, x.end];
    case "block":
      return [x.start, addPos(x.rparen.pos, ")")];
    case "lparen":
    case "rparen":
      return [x.pos, addPos(x.pos, ")")];
  }
}
function isEOL(k) {
  return k === "eof" || k === "eolcomment" || k === "\n";
}
function blankComment() {
  return { start: { line: 0, lineRune: 0, byte: 0 }, token: "", suffix: false };
}
function isBlank(c) {
  return c !== void 0 && c.token === "" && !c.suffix && c.start.line === 0 && c.start.lineRune === 0 && c.start.byte === 0;
}
function parseSyntax(filename, data) {
  const input = new Input(filename, data);
  input.readToken();
  input.parseFile();
  input.assignComments();
  return input.file;
}
var SyntaxFailure, SLASH2, STAR2, Input;
var init_syntax = __esm({
  "src/modfile/syntax.ts"() {
    "use strict";
    init_go_string();
    init_go_quote();
    init_text();
    SyntaxFailure = class extends Error {
      constructor(problem) {
        super(problem.message);
        this.problem = problem;
      }
      problem;
      name = "SyntaxFailure";
    };
    SLASH2 = 47;
    STAR2 = 42;
    Input = class {
      constructor(filename, data) {
        this.filename = filename;
        this.complete = data;
        this.token = { kind: "eof", pos: this.pos, endPos: this.pos, text: "" };
        this.file = { kind: "file", name: filename, comments: noComments(), stmt: [] };
      }
      filename;
      complete;
      offset = 0;
      tokenStart = 0;
      token;
      pos = { line: 1, lineRune: 1, byte: 0 };
      comments = [];
      file;
      pre = [];
      post = [];
      fail(message) {
        throw new SyntaxFailure({ filename: this.filename, pos: { ...this.pos }, message });
      }
      eof() {
        return this.offset >= this.complete.length;
      }
      peekRune() {
        if (this.eof()) return 0;
        return decodeRune(this.complete, this.offset)[0];
      }
      peekPrefix(a, b) {
        return this.complete[this.offset] === a && this.complete[this.offset + 1] === b;
      }
      readRune() {
        if (this.eof()) this.fail("internal lexer error: readRune at EOF");
        const [r, size] = decodeRune(this.complete, this.offset);
        this.offset += size;
        if (r === 10) {
          this.pos = { line: this.pos.line + 1, lineRune: 1, byte: this.pos.byte + size };
        } else {
          this.pos = {
            line: this.pos.line,
            lineRune: this.pos.lineRune + 1,
            byte: this.pos.byte + size
          };
        }
        return r;
      }
      startToken() {
        this.tokenStart = this.offset;
        this.token = { kind: "eof", pos: this.pos, endPos: this.pos, text: "" };
      }
      endToken(kind) {
        let bytes = this.complete.subarray(this.tokenStart, this.offset);
        if (kind === "comment" || kind === "eolcomment") {
          const n = bytes.length;
          if (n >= 2 && bytes[n - 2] === 13 && bytes[n - 1] === 10) {
            bytes = bytes.subarray(0, n - 2);
          } else if (n >= 1 && bytes[n - 1] === 10) {
            bytes = bytes.subarray(0, n - 1);
          }
        }
        this.token = { kind, pos: this.token.pos, endPos: this.pos, text: decodeGoString(bytes) };
      }
      peek() {
        return this.token.kind;
      }
      lex() {
        const tok = this.token;
        this.readToken();
        return tok;
      }
      // Whether anything but spaces precedes byte offset `at` on its line.
      textBeforeOnLine(at) {
        const lineStart = this.complete.lastIndexOf(10, at - 1) + 1;
        for (let i = lineStart; i < at; i++) {
          const c = this.complete[i];
          if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12) return true;
        }
        return false;
      }
      readToken() {
        while (!this.eof()) {
          const c2 = this.peekRune();
          if (c2 === 32 || c2 === 9 || c2 === 13) {
            this.readRune();
            continue;
          }
          if (this.peekPrefix(SLASH2, SLASH2)) {
            this.startToken();
            const suffix = this.offset > 0 && this.textBeforeOnLine(this.offset);
            this.readRune();
            this.readRune();
            while (!this.eof() && this.readRune() !== 10) {
            }
            if (!suffix) {
              this.endToken("comment");
              return;
            }
            this.endToken("eolcomment");
            this.comments.push({ start: this.token.pos, token: this.token.text, suffix: true });
            return;
          }
          if (this.peekPrefix(SLASH2, STAR2)) {
            this.fail("mod files must use // comments (not /* */ comments)");
          }
          break;
        }
        this.startToken();
        if (this.eof()) {
          this.endToken("eof");
          return;
        }
        const c = this.peekRune();
        switch (c) {
          case 10:
          case 40:
          case 41:
          case 91:
          case 93:
          case 123:
          case 125:
          case 44:
            this.readRune();
            this.endToken(String.fromCharCode(c));
            return;
          case 34:
          case 96: {
            const quote = c;
            this.readRune();
            for (; ; ) {
              if (this.eof()) {
                this.pos = this.token.pos;
                this.fail("unexpected EOF in string");
              }
              if (this.peekRune() === 10) this.fail("unexpected newline in string");
              const d = this.readRune();
              if (d === quote) break;
              if (d === 92 && quote !== 96) {
                if (this.eof()) {
                  this.pos = this.token.pos;
                  this.fail("unexpected EOF in string");
                }
                this.readRune();
              }
            }
            this.endToken("string");
            return;
          }
        }
        if (!isIdentRune(c)) this.fail(`unexpected input character ${goQuoteRune(c)}`);
        while (isIdentRune(this.peekRune())) {
          if (this.peekPrefix(SLASH2, SLASH2)) break;
          if (this.peekPrefix(SLASH2, STAR2)) {
            this.fail("mod files must use // comments (not /* */ comments)");
          }
          this.readRune();
        }
        this.endToken("ident");
      }
      parseFile() {
        let cb;
        for (; ; ) {
          switch (this.peek()) {
            case "\n":
              this.lex();
              if (cb !== void 0) {
                this.file.stmt.push(cb);
                cb = void 0;
              }
              break;
            case "comment": {
              const tok = this.lex();
              cb ??= { kind: "comments", comments: noComments(), start: tok.pos };
              cb.comments.before.push({ start: tok.pos, token: tok.text, suffix: false });
              break;
            }
            case "eof":
              if (cb !== void 0) this.file.stmt.push(cb);
              return;
            default: {
              this.parseStmt();
              if (cb !== void 0) {
                const last = this.file.stmt[this.file.stmt.length - 1];
                if (last !== void 0) last.comments.before = cb.comments.before;
                cb = void 0;
              }
            }
          }
        }
      }
      parseStmt() {
        const first = this.lex();
        const start = first.pos;
        let end = first.endPos;
        const tokens = [first.text];
        for (; ; ) {
          const tok = this.lex();
          if (isEOL(tok.kind)) {
            this.file.stmt.push({
              kind: "line",
              comments: noComments(),
              start,
              token: tokens,
              inBlock: false,
              end
            });
            return;
          }
          if (tok.kind === "(") {
            const next = this.peek();
            if (isEOL(next)) {
              this.file.stmt.push(this.parseLineBlock(start, tokens, tok));
              return;
            }
            if (next === ")") {
              const rparen = this.lex();
              if (isEOL(this.peek())) {
                this.lex();
                this.file.stmt.push({
                  kind: "block",
                  comments: noComments(),
                  start,
                  token: tokens,
                  lparen: { kind: "lparen", comments: noComments(), pos: tok.pos },
                  line: [],
                  rparen: { kind: "rparen", comments: noComments(), pos: rparen.pos }
                });
                return;
              }
              tokens.push(tok.text, rparen.text);
            } else {
              tokens.push(tok.text);
            }
            continue;
          }
          tokens.push(tok.text);
          end = tok.endPos;
        }
      }
      parseLineBlock(start, token, lparen) {
        const x = {
          kind: "block",
          comments: noComments(),
          start,
          token,
          lparen: { kind: "lparen", comments: noComments(), pos: lparen.pos },
          line: [],
          rparen: { kind: "rparen", comments: noComments(), pos: lparen.pos }
        };
        let comments = [];
        for (; ; ) {
          switch (this.peek()) {
            case "eolcomment":
              this.lex();
              break;
            case "\n": {
              this.lex();
              const last = comments[comments.length - 1];
              if (comments.length === 0 && x.line.length > 0 || last !== void 0 && last.token !== "") {
                comments.push(blankComment());
              }
              break;
            }
            case "comment": {
              const tok = this.lex();
              comments.push({ start: tok.pos, token: tok.text, suffix: false });
              break;
            }
            case "eof":
              this.fail(
                `syntax error (unterminated block started at ${this.filename}:${x.start.line}:${x.start.lineRune})`
              );
              break;
            case ")": {
              const rparen = this.lex();
              if (comments.length === 1 && isBlank(comments[0])) comments = [];
              x.rparen.comments.before = comments;
              x.rparen.pos = rparen.pos;
              if (!isEOL(this.peek())) this.fail("syntax error (expected newline after closing paren)");
              this.lex();
              return x;
            }
            default: {
              const l = this.parseLine();
              x.line.push(l);
              l.comments.before = comments;
              comments = [];
            }
          }
        }
      }
      parseLine() {
        const first = this.lex();
        if (isEOL(first.kind)) this.fail("internal parse error: parseLine at end of line");
        const start = first.pos;
        let end = first.endPos;
        const tokens = [first.text];
        for (; ; ) {
          const tok = this.lex();
          if (isEOL(tok.kind)) {
            return { kind: "line", comments: noComments(), start, token: tokens, inBlock: true, end };
          }
          tokens.push(tok.text);
          end = tok.endPos;
        }
      }
      order(x) {
        this.pre.push(x);
        if (x.kind === "file") {
          for (const stmt of x.stmt) this.order(stmt);
        } else if (x.kind === "block") {
          this.order(x.lparen);
          for (const l of x.line) this.order(l);
          this.order(x.rparen);
        }
        this.post.push(x);
      }
      assignComments() {
        this.order(this.file);
        const line = [];
        const suffix = [];
        for (const com of this.comments) (com.suffix ? suffix : line).push(com);
        let li = 0;
        for (const x of this.pre) {
          const [start] = span(x);
          const xcom = x.comments;
          while (li < line.length && start.byte >= (line[li]?.start.byte ?? 0)) {
            const com = line[li++];
            if (com !== void 0) xcom.before.push(com);
          }
        }
        this.file.comments.after.push(...line.slice(li));
        for (let i = this.post.length - 1; i >= 0; i--) {
          const x = this.post[i];
          if (x === void 0 || x.kind === "file") continue;
          const [start, end] = span(x);
          if (start.line !== end.line) continue;
          const xcom = x.comments;
          for (; ; ) {
            const last = suffix[suffix.length - 1];
            if (last === void 0 || end.byte > last.start.byte) break;
            xcom.suffix.push(last);
            suffix.pop();
          }
        }
        for (const x of this.post) x.comments.suffix.reverse();
        this.file.comments.before.push(...suffix);
      }
    };
  }
});

// src/modfile/rules.ts
function positionPrefix(filename, pos) {
  if (pos.lineRune > 1) return `${filename}:${pos.line}:${pos.lineRune}: `;
  if (pos.line > 0) return `${filename}:${pos.line}: `;
  if (filename !== "") return `${filename}: `;
  return "";
}
function parseSyntaxOrThrow(file, data) {
  try {
    return parseSyntax(file, toBytes(data));
  } catch (e) {
    if (e instanceof SyntaxFailure) {
      const p = new Problems(e.problem.filename);
      p.add(e.problem.pos, e.problem.message);
      throw new ModfileError(p.list);
    }
    throw e;
  }
}
function mustQuote(s) {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const r = cp >= 55296 && cp <= 57343 ? 65533 : cp;
    switch (r) {
      case 32:
      case 34:
      case 39:
      case 96:
        return true;
      case 40:
      case 41:
      case 91:
      case 93:
      case 123:
      case 125:
      case 44:
        if (s.length > 1) return true;
        break;
      default:
        if (!isGoPrint(r)) return true;
    }
  }
  return s === "" || s.includes("//") || s.includes("/*");
}
function autoQuote(s) {
  return mustQuote(s) ? goQuote(s) : s;
}
function parseString(args, i) {
  let t = args[i] ?? "";
  if (t.startsWith('"')) {
    const u = goUnquote(t);
    if (u === void 0) throw new Error("invalid syntax");
    t = u;
  } else if (/["'`]/.test(t)) {
    throw new Error("unquoted string cannot contain quote");
  }
  args[i] = autoQuote(t);
  return t;
}
function parseVersion(verb, path17, args, i, fix) {
  let t;
  try {
    t = parseString(args, i);
  } catch (e) {
    throw new DirectiveError(verb, path17, new InvalidVersionError(args[i] ?? "", e));
  }
  if (fix !== void 0) {
    try {
      t = fix(path17, t);
    } catch (e) {
      if (e instanceof ModuleError) throw new DirectiveError(verb, path17, e.err);
      throw e;
    }
  } else {
    const cv = canonicalVersion(t);
    if (cv === "") {
      throw new DirectiveError(
        verb,
        path17,
        new InvalidVersionError(t, new Error("must be of the form v1.2.3"))
      );
    }
    t = cv;
  }
  args[i] = t;
  return t;
}
function modulePathMajor(path17) {
  const { pathMajor, ok } = splitPathVersion(path17);
  if (!ok) throw new Error("invalid module path");
  return pathMajor;
}
function parseVersionInterval(verb, path17, args, fix) {
  let toks = args;
  if (toks.length === 0 || toks[0] === "(") throw new Error("expected '[' or version");
  if (toks[0] !== "[") {
    const v = parseVersion(verb, path17, toks, 0, fix);
    return [{ low: v, high: v }, toks.slice(1)];
  }
  let base = 1;
  toks = args.slice(1);
  if (toks.length === 0) throw new Error("expected version after '['");
  const low = parseVersion(verb, path17, args, base, fix);
  toks = args.slice(++base);
  if (toks.length === 0 || toks[0] !== ",") throw new Error("expected ',' after version");
  toks = args.slice(++base);
  if (toks.length === 0) throw new Error("expected version after ','");
  const high = parseVersion(verb, path17, args, base, fix);
  toks = args.slice(++base);
  if (toks.length === 0 || toks[0] !== "]") throw new Error("expected ']' after version");
  return [{ low, high }, args.slice(base + 1)];
}
function directiveComment(block, line) {
  let comments = line.comments;
  if (block !== void 0 && comments.before.length === 0 && comments.suffix.length === 0) {
    comments = block.comments;
  }
  const lines = [];
  for (const c of [...comments.before, ...comments.suffix]) {
    if (!c.token.startsWith("//")) continue;
    lines.push(goTrimSpace(c.token.slice(2)));
  }
  return lines.join("\n");
}
function deprecationIn(text) {
  const m = deprecatedRe.exec(text);
  return m?.[1] ?? "";
}
function goFields(s) {
  const out = [];
  let cur = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isSpace(cp)) {
      if (cur !== "") out.push(cur);
      cur = "";
    } else {
      cur += ch;
    }
  }
  if (cur !== "") out.push(cur);
  return out;
}
function isIndirect(line) {
  const first = line.comments.suffix[0];
  if (first === void 0) return false;
  const t = first.token.startsWith("//") ? first.token.slice(2) : first.token;
  const f = goFields(t);
  return f.length === 1 && f[0] === "indirect" || f.length > 1 && f[0] === "indirect;";
}
function isDirectoryPath(ns) {
  return ns === "." || ns.startsWith("./") || ns.startsWith(".\\") || ns === ".." || ns.startsWith("../") || ns.startsWith("..\\") || ns.startsWith("/") || ns.startsWith("\\") || ns.length >= 2 && /^[A-Za-z]$/.test(ns[0] ?? "") && ns[1] === ":";
}
function parseReplace(verb, args, fix) {
  let arrow = 2;
  if (args.length >= 2 && args[1] === "=>") arrow = 1;
  if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow] !== "=>") {
    throw new Error(
      `usage: ${verb} module/path [v1.2.3] => other/module v1.4
	 or ${verb} module/path [v1.2.3] => ../local/directory`
    );
  }
  const s = quoted(() => parseString(args, 0));
  let pathMajor;
  try {
    pathMajor = modulePathMajor(s);
  } catch (e) {
    throw new DirectiveError(verb, s, e);
  }
  let v = "";
  if (arrow === 2) {
    v = parseVersion(verb, s, args, 1, fix);
    const err = checkPathMajor(v, pathMajor);
    if (err !== void 0) throw new DirectiveError(verb, s, err);
  }
  const ns = quoted(() => parseString(args, arrow + 1));
  let nv = "";
  if (args.length === arrow + 2) {
    if (!isDirectoryPath(ns)) {
      if (ns.includes("@")) {
        throw new Error("replacement module must match format 'path version', not 'path@version'");
      }
      throw new Error(
        "replacement module without version must be directory path (rooted or starting with . or ..)"
      );
    }
    if (ns.includes("\\")) {
      throw new Error("replacement directory appears to be Windows path (on a non-windows system)");
    }
  }
  if (args.length === arrow + 3) {
    nv = parseVersion(verb, ns, args, arrow + 2, fix);
    if (isDirectoryPath(ns)) {
      throw new Error(`replacement module directory path ${goQuote(ns)} cannot have version`);
    }
  }
  return { oldPath: s, oldVersion: v, newPath: ns, newVersion: nv };
}
function quoted(f) {
  try {
    return f();
  } catch (e) {
    throw new Error(`invalid quoted string: ${e.message}`, { cause: e });
  }
}
function locate(line) {
  return { line: line.start.line, column: line.start.lineRune, syntax: line };
}
function addDirective(f, problems, block, line, verb, args, fix, strict) {
  if (!strict && !laxVerbs.has(verb)) return;
  const at = line.start;
  const fail = (e) => {
    if (e instanceof Error) problems.add(at, e.message);
    else throw e;
  };
  try {
    switch (verb) {
      default:
        throw new Error(`unknown directive: ${verb}`);
      case "go": {
        if (f.go !== void 0) throw new Error("repeated go statement");
        if (args.length !== 1) throw new Error("go directive expects exactly one argument");
        const v = args[0] ?? "";
        if (!goVersionRe.test(v)) {
          const m = strict ? null : laxGoVersionRe.exec(v);
          if (m === null) throw new Error(`invalid go version '${v}': must match format 1.23.0`);
          args[0] = m[1] ?? "";
        }
        f.go = { ...locate(line), version: args[0] ?? "" };
        return;
      }
      case "toolchain": {
        if (f.toolchain !== void 0) throw new Error("repeated toolchain statement");
        if (args.length !== 1) throw new Error("toolchain directive expects exactly one argument");
        const name = args[0] ?? "";
        if (!toolchainRe.test(name)) {
          throw new Error(
            `invalid toolchain version '${name}': must match format go1.23.0 or default`
          );
        }
        f.toolchain = { ...locate(line), name };
        return;
      }
      case "module": {
        if (f.module !== void 0) throw new Error("repeated module statement");
        const deprecated2 = deprecationIn(directiveComment(block, line));
        const stmt = { ...locate(line), path: "" };
        if (deprecated2 !== "") stmt.deprecated = deprecated2;
        f.module = stmt;
        if (args.length !== 1) throw new Error("usage: module module/path");
        stmt.path = quoted(() => parseString(args, 0));
        return;
      }
      case "godebug": {
        const a = args[0] ?? "";
        if (args.length !== 1 || /["`',]/.test(a)) throw new Error("usage: godebug key=value");
        const eq = a.indexOf("=");
        if (eq < 0) throw new Error("usage: godebug key=value");
        f.godebug.push({ ...locate(line), key: a.slice(0, eq), value: a.slice(eq + 1) });
        return;
      }
      case "require":
      case "exclude": {
        if (args.length !== 2) throw new Error(`usage: ${verb} module/path v1.2.3`);
        const s = quoted(() => parseString(args, 0));
        const v = parseVersion(verb, s, args, 1, fix);
        const pathMajor = modulePathMajor(s);
        const err = checkPathMajor(v, pathMajor);
        if (err !== void 0) throw new DirectiveError(verb, s, err);
        if (verb === "require") {
          f.require.push({ ...locate(line), path: s, version: v, indirect: isIndirect(line) });
        } else {
          f.exclude.push({ ...locate(line), path: s, version: v });
        }
        return;
      }
      case "replace":
        f.replace.push({ ...locate(line), ...parseReplace(verb, args, fix) });
        return;
      case "retract": {
        const rationale = directiveComment(block, line);
        let vi;
        let rest;
        try {
          [vi, rest] = parseVersionInterval(verb, "", args, (_p, v) => v);
        } catch (e) {
          if (strict) throw e;
          return;
        }
        if (rest.length > 0 && strict) {
          throw new Error(`unexpected token after version: ${goQuote(rest[0] ?? "")}`);
        }
        f.retract.push({ ...locate(line), ...vi, rationale });
        return;
      }
      case "tool":
      case "ignore": {
        if (args.length !== 1) throw new Error(`${verb} directive expects exactly one argument`);
        const path17 = quoted(() => parseString(args, 0));
        (verb === "tool" ? f.tool : f.ignore).push({ ...locate(line), path: path17 });
        return;
      }
    }
  } catch (e) {
    fail(e);
  }
}
function fixRetract(f, problems, fix) {
  if (fix === void 0) return;
  const path17 = f.module?.path ?? "";
  for (const r of f.retract) {
    if (path17 === "") {
      problems.add(r.syntax.start, "no module directive found, so retract cannot be used");
      return;
    }
    const tokens = r.syntax.token;
    const offset = tokens[0] === "retract" ? 1 : 0;
    const args = tokens.slice(offset);
    try {
      const [vi] = parseVersionInterval("retract", path17, args, fix);
      r.low = vi.low;
      r.high = vi.high;
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      problems.add(r.syntax.start, e.message);
      r.low = "";
      r.high = "";
    }
    writeBack(tokens, offset, args);
  }
}
function writeBack(tokens, offset, args) {
  args.forEach((a, i) => {
    tokens[offset + i] = a;
  });
}
function parseToFile(file, data, strict, options2) {
  const syntax = parseSyntaxOrThrow(file, data);
  const f = {
    godebug: [],
    require: [],
    exclude: [],
    replace: [],
    retract: [],
    tool: [],
    ignore: [],
    syntax
  };
  const problems = new Problems(file);
  for (const x of syntax.stmt) {
    if (x.kind === "line") {
      const args = x.token.slice(1);
      addDirective(f, problems, void 0, x, x.token[0] ?? "", args, options2.fix, strict);
      writeBack(x.token, 1, args);
      continue;
    }
    if (x.kind !== "block") continue;
    const verb = x.token[0] ?? "";
    if (x.token.length > 1 || !blockVerbs.has(verb)) {
      if (strict) problems.add(x.start, `unknown block type: ${x.token.join(" ")}`);
      continue;
    }
    for (const l of x.line) addDirective(f, problems, x, l, verb, l.token, options2.fix, strict);
  }
  fixRetract(f, problems, options2.fix);
  if (problems.list.length > 0) throw new ModfileError(problems.list);
  return f;
}
function parse2(file, data, options2 = {}) {
  return parseToFile(file, data, true, options2);
}
function parseLax(file, data, options2 = {}) {
  return parseToFile(file, data, false, options2);
}
var ModfileError, DirectiveError, Problems, goVersionRe, laxGoVersionRe, toolchainRe, deprecatedRe, laxVerbs, blockVerbs;
var init_rules = __esm({
  "src/modfile/rules.ts"() {
    "use strict";
    init_errors2();
    init_go_quote();
    init_module();
    init_syntax();
    init_text();
    init_go_quote();
    ModfileError = class extends Error {
      constructor(errors) {
        super(errors.map((e) => e.text).join("\n"));
        this.errors = errors;
      }
      errors;
      name = "ModfileError";
    };
    DirectiveError = class extends Error {
      constructor(verb, modPath, err) {
        super((modPath !== "" ? `${verb} ${modPath}: ` : verb !== "" ? `${verb}: ` : "") + err.message);
        this.verb = verb;
        this.modPath = modPath;
        this.err = err;
      }
      verb;
      modPath;
      err;
    };
    Problems = class {
      constructor(filename) {
        this.filename = filename;
      }
      filename;
      list = [];
      add(pos, message) {
        this.list.push({
          line: pos.line,
          column: pos.lineRune,
          message,
          text: positionPrefix(this.filename, pos) + message
        });
      }
    };
    goVersionRe = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
    laxGoVersionRe = /^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9][\s\S]*)$/;
    toolchainRe = /^default$|^go1($|\.)/;
    deprecatedRe = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;
    laxVerbs = /* @__PURE__ */ new Set(["go", "module", "retract", "require", "ignore"]);
    blockVerbs = /* @__PURE__ */ new Set([
      "module",
      "godebug",
      "require",
      "exclude",
      "replace",
      "retract",
      "tool",
      "ignore"
    ]);
  }
});

// src/modfile/work.ts
var init_work = __esm({
  "src/modfile/work.ts"() {
    "use strict";
    init_rules();
    init_print();
    init_rules();
    init_errors();
  }
});

// src/semver/index.ts
var init_semver2 = __esm({
  "src/semver/index.ts"() {
    "use strict";
    init_semver();
  }
});

// src/modfile/facts.ts
function modulePath(data) {
  let mod = toBytes(data);
  while (mod.length > 0) {
    let line = mod;
    mod = new Uint8Array(0);
    const nl = line.indexOf(10);
    if (nl >= 0) {
      mod = line.subarray(nl + 1);
      line = line.subarray(0, nl);
    }
    const text = decodeGoString(line);
    const slash = text.indexOf("//");
    let s = goTrimSpace(slash >= 0 ? text.slice(0, slash) : text);
    if (!s.startsWith("module")) continue;
    s = s.slice("module".length);
    const n = s.length;
    s = goTrimSpace(s);
    if (s.length === n || s.length === 0) continue;
    if (s.startsWith('"') || s.startsWith("`")) return goUnquote(s) ?? "";
    return s;
  }
  return "";
}
function goLanguageVersion(data) {
  let f;
  try {
    f = parseLax("go.mod", data);
  } catch (e) {
    if (e instanceof ModfileError) return void 0;
    throw e;
  }
  const v = f.go?.version;
  if (v === void 0) return void 0;
  const m = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)/.exec(v);
  return m === null ? void 0 : `${m[1]}.${m[2]}`;
}
function retractionMessage(version, retractions) {
  const hits = retractions.filter(
    (r) => compare(r.low, version) <= 0 && compare(version, r.high) <= 0
  );
  if (hits.length === 0) return void 0;
  const first = hits.find((r) => r.rationale !== "");
  const msg = "retracted by module author";
  return first === void 0 ? msg : `${msg}: ${shortenRationale(first.rationale, msg)}`;
}
function isGraphic(r) {
  return isGoPrint(r) || graphicRe.test(String.fromCodePoint(r));
}
function shortenRationale(text, emptyDefault = "retracted by module author") {
  const nl = text.indexOf("\n");
  const message = goTrimSpace(nl >= 0 ? text.slice(0, nl) : text);
  if (message === "") return emptyDefault;
  if (toBytes(message).length > 500) {
    return "(message omitted: too long)";
  }
  for (const { rune } of goRunes(message)) {
    if (!isGraphic(rune) && !isSpace(rune)) {
      return "(message omitted: contains non-printable characters)";
    }
  }
  return message;
}
function deprecation(file) {
  return file.module?.deprecated;
}
var graphicRe;
var init_facts = __esm({
  "src/modfile/facts.ts"() {
    "use strict";
    init_semver2();
    init_go_string();
    init_go_quote();
    init_rules();
    init_text();
    graphicRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;
  }
});

// src/modfile/index.ts
var init_modfile = __esm({
  "src/modfile/index.ts"() {
    "use strict";
    init_print();
    init_print();
    init_rules();
    init_work();
    init_facts();
  }
});

// src/modfetch/code-repo.ts
import path3 from "node:path/posix";
import { createHash as createHash2 } from "node:crypto";
function textError(message) {
  return new Error(message);
}
function legacyGoMod(modPath) {
  return Buffer.from(`module ${autoQuote(modPath)}
`);
}
function hasPathPrefix(s, prefix) {
  if (s.length === prefix.length) return s === prefix;
  if (s.length < prefix.length) return false;
  if (prefix !== "" && prefix.endsWith("/")) return s.startsWith(prefix);
  return s[prefix.length] === "/" && s.startsWith(prefix);
}
function sha256(b) {
  return createHash2("sha256").update(b).digest();
}
function isMajor(mpath, pathMajor) {
  if (mpath === "") return false;
  const s = splitPathVersion(mpath);
  if (!s.ok) return false;
  if (pathMajor === "") {
    const p = pathMajorPrefix(s.pathMajor);
    return p === "" || p === "v0" || p === "v1";
  }
  if (s.pathMajor === "") return false;
  return pathMajor.slice(1) === s.pathMajor.slice(1);
}
function timestamp(unixSeconds) {
  return formatPseudoTimestamp(new Date(unixSeconds * 1e3));
}
var CodeRepo;
var init_code_repo = __esm({
  "src/modfetch/code-repo.ts"() {
    "use strict";
    init_module();
    init_modfile();
    init_go_quote();
    init_semver2();
    CodeRepo = class {
      /** Throws Go's errors for a module path the repository cannot hold. */
      constructor(code, codeRoot, modPath) {
        this.code = code;
        this.codeRoot = codeRoot;
        this.modPath = modPath;
        if (!hasPathPrefix(modPath, codeRoot)) {
          throw textError(`mismatched repo: found ${codeRoot} for ${modPath}`);
        }
        const split = splitPathVersion(modPath);
        if (!split.ok) throw textError(`invalid module path ${goQuote(modPath)}`);
        const pathPrefix = codeRoot === modPath ? modPath : split.prefix;
        let codeDir = "";
        if (codeRoot !== modPath) {
          if (!hasPathPrefix(pathPrefix, codeRoot)) {
            throw textError(`repository rooted at ${codeRoot} cannot contain module ${modPath}`);
          }
          codeDir = pathPrefix.slice(codeRoot.length).replace(/^\/+|\/+$/g, "");
        }
        this.codeDir = codeDir;
        this.pathMajor = split.pathMajor;
        this.pathPrefix = pathPrefix;
        this.pseudoMajor = pathMajorPrefix(split.pathMajor);
      }
      code;
      codeRoot;
      modPath;
      codeDir;
      pathMajor;
      pathPrefix;
      pseudoMajor;
      get tagPrefix() {
        return this.codeDir === "" ? "" : this.codeDir + "/";
      }
      invalid(version, err, pseudo = false) {
        return new ModuleError(this.modPath, "", new InvalidVersionError(version, err, pseudo));
      }
      /** The versions `@v/list` would show (tags only), sorted, with +incompatible ones. */
      async versions(prefix = "") {
        if (this.modPath.startsWith("gopkg.in/") && this.modPath.endsWith("-unstable")) return [];
        const p = this.tagPrefix + prefix;
        const list = [];
        const incompatible2 = [];
        for (const tag of await this.code.tags(p)) {
          const v = tag.slice(this.tagPrefix.length);
          if (v === "" || v !== canonical(v) || isPseudoVersion(v)) continue;
          if (checkPathMajor(v, this.pathMajor) !== void 0) {
            if (this.codeDir === "" && this.pathMajor === "" && major(v) > "v1") {
              incompatible2.push(v);
            }
            continue;
          }
          list.push(v);
        }
        const sorted = sortVersions(list);
        const inc = sortVersions(incompatible2);
        if (inc.length === 0 || this.pathMajor !== "") return sorted;
        const hasGoMod = async (v) => {
          try {
            return await this.code.readFile(v, "go.mod") !== void 0;
          } catch (e) {
            throw new ModuleError(this.modPath, "", e);
          }
        };
        const last = sorted.at(-1);
        if (last !== void 0 && await hasGoMod(last)) return sorted;
        let lastMajor = "";
        let lastMajorHasGoMod = false;
        for (let i = 0; i < inc.length; i++) {
          const v = inc[i];
          const m = major(v);
          if (m !== lastMajor) {
            let j = i;
            while (j + 1 < inc.length && major(inc[j + 1]) === m) j++;
            lastMajor = m;
            lastMajorHasGoMod = await hasGoMod(inc[j]);
          }
          if (!lastMajorHasGoMod) sorted.push(v + "+incompatible");
        }
        return sorted;
      }
      /** Resolves a version, branch, tag or hash as `.info` does; throws Go's error. */
      async stat(rev) {
        if (rev === "latest") return this.latest();
        const codeRev = this.revToRev(rev);
        let info;
        try {
          info = await this.code.stat(codeRev);
        } catch (e) {
          throw this.invalid(rev, e);
        }
        return this.convert(info, rev);
      }
      /** The pseudo-version (or tag) of HEAD. */
      async latest() {
        return this.convert(await this.code.latest(), "");
      }
      revToRev(rev) {
        if (!isValid(rev)) return rev;
        if (isPseudoVersion(rev)) {
          try {
            return pseudoVersionRev(rev);
          } catch {
            return "";
          }
        }
        let r = rev;
        if (build(r) === "+incompatible") r = r.slice(0, -"+incompatible".length);
        return this.codeDir === "" ? r : `${this.codeDir}/${r}`;
      }
      async convert(info, statVers) {
        const incompatibleOk = /* @__PURE__ */ new Map();
        const canUseIncompatible = async (v) => {
          if (this.codeDir !== "" || this.pathMajor !== "") return false;
          let ok = incompatibleOk.get("");
          if (ok === void 0) {
            ok = await this.code.readFile(info.name, "go.mod") === void 0;
            incompatibleOk.set("", ok);
          }
          if (!ok) return false;
          if (v !== "" && !statVers.endsWith("+incompatible")) {
            const m = major(v);
            let okSub = incompatibleOk.get(m);
            if (okSub === void 0) {
              okSub = await this.code.readFile(info.name, path3.join(m, "go.mod")) === void 0;
              incompatibleOk.set(m, okSub);
            }
            if (!okSub) return false;
          }
          return true;
        };
        const checkCanonical = async (v0) => {
          let v = v0;
          try {
            await this.findDir(v);
          } catch (e) {
            if (e instanceof ModuleError) throw e;
            throw this.invalid(v, e);
          }
          if (v === statVers.replace(/\+incompatible$/, "")) v = statVers;
          const base = v.replace(/\+incompatible$/, "");
          let errIncompatible;
          if (!matchPathMajor(base, this.pathMajor)) {
            if (await canUseIncompatible(base)) {
              v = base + "+incompatible";
            } else if (this.pathMajor !== "") {
              errIncompatible = this.invalid(
                v,
                textError("module path includes a major version suffix, so major version must match")
              );
            } else {
              errIncompatible = this.invalid(
                v,
                textError(
                  `module contains a go.mod file, so module path must match major version (${goQuote(
                    path3.join(this.pathPrefix, major(v))
                  )})`
                )
              );
            }
          } else if (v.endsWith("+incompatible")) {
            errIncompatible = this.invalid(
              v,
              textError(
                `+incompatible suffix not allowed: major version ${major(v)} is compatible`
              )
            );
          }
          if (statVers !== "" && statVers === canonicalVersion(statVers)) {
            const statBase = statVers.replace(/\+incompatible$/, "");
            if (statBase !== base) {
              throw this.invalid(
                statVers,
                textError(`resolves to version ${v} (${statBase} is not a tag)`)
              );
            }
          }
          if (errIncompatible !== void 0) throw errIncompatible;
          return { version: v, name: info.name, short: info.short, time: info.time };
        };
        if (isPseudoVersion(statVers)) {
          await this.validatePseudoVersion(info, statVers);
          return checkCanonical(statVers);
        }
        const tagPrefix = this.tagPrefix;
        const isRetracted2 = await this.retractions().catch(() => () => false);
        const tagToVersion = (tag) => {
          if (!tag.startsWith(tagPrefix)) return { v: "", canonical: false };
          const trimmed = tag.slice(tagPrefix.length);
          if (isPseudoVersion(tag)) return { v: "", canonical: false };
          const v = canonical(trimmed);
          if (v === "" || !trimmed.startsWith(v)) return { v: "", canonical: false };
          return { v, canonical: v === trimmed };
        };
        {
          const { v, canonical: canonical2 } = tagToVersion(info.version);
          if (canonical2) {
            try {
              return await checkCanonical(v);
            } catch {
            }
          }
        }
        let highestCanonical = "";
        let pseudoBase = "";
        for (const pathTag of info.tags) {
          const { v, canonical: canonical2 } = tagToVersion(pathTag);
          if (statVers !== "" && compare(v, statVers) === 0) {
            if (canonical2) return checkCanonical(v);
            pseudoBase = v;
          }
          if (canonical2 && compare(highestCanonical, v) < 0 && !isRetracted2(v)) {
            if (matchPathMajor(v, this.pathMajor) || await canUseIncompatible(v)) {
              highestCanonical = v;
            }
          }
        }
        if (highestCanonical !== "") return checkCanonical(highestCanonical);
        if (pseudoBase === "") {
          let highest = "";
          for (const tag of await this.code.mergedTags(info.name)) {
            if (!tag.startsWith(tagPrefix)) continue;
            const { v } = tagToVersion(tag);
            if (v === "") continue;
            if (!matchPathMajor(v, this.pathMajor) && !await canUseIncompatible(v)) continue;
            if (isRetracted2(v)) continue;
            const semtag = tag.slice(tagPrefix.length);
            if (compare(semtag, highest) > 0) highest = semtag;
          }
          if (highest !== "") pseudoBase = tagToVersion(tagPrefix + highest).v;
        }
        return checkCanonical(
          pseudoVersion(this.pseudoMajor, pseudoBase, new Date(info.time * 1e3), info.short)
        );
      }
      async validatePseudoVersion(info, version) {
        const fail = (msg) => {
          throw this.invalid(version, textError(msg), true);
        };
        const guard = (f) => {
          try {
            return f();
          } catch (e) {
            if (e instanceof InvalidVersionError) throw new ModuleError(this.modPath, "", e);
            throw this.invalid(version, e, true);
          }
        };
        const rev = guard(() => pseudoVersionRev(version));
        if (rev !== info.short) {
          if (rev.startsWith(info.short))
            fail(`revision is longer than canonical (expected ${info.short})`);
          if (info.short.startsWith(rev))
            fail(`revision is shorter than canonical (expected ${info.short})`);
          fail(`does not match short name of revision (expected ${info.short})`);
        }
        const t = guard(() => pseudoVersionTime(version));
        if (t.getTime() !== info.time * 1e3) {
          fail(`does not match version-control timestamp (expected ${timestamp(info.time)})`);
        }
        const tagPrefix = this.tagPrefix;
        const base = guard(() => pseudoVersionBase(version.replace(/\+incompatible$/, "")));
        if (base === "") {
          if (this.pseudoMajor === "" && major(version) === "v1") {
            fail("major version without preceding tag must be v0, not v1");
          }
          return;
        }
        for (const tag of info.tags) {
          if (tag.startsWith(tagPrefix) && tag.slice(tagPrefix.length) === base) {
            fail(
              `tag (${tag}) found on revision ${rev} is already canonical, so should not be replaced with a pseudo-version derived from that tag`
            );
          }
        }
        let lastTag = "";
        let ancestorFound = false;
        for (const tag of await this.code.tags(tagPrefix + base)) {
          const versionOnly = tag.startsWith(tagPrefix) ? tag.slice(tagPrefix.length) : tag;
          if (compare(versionOnly, base) === 0) {
            lastTag = tag;
            ancestorFound = await this.code.descendsFrom(info.name, tag);
            if (ancestorFound) break;
          }
        }
        if (lastTag === "") fail(`preceding tag (${base}) not found`);
        if (!ancestorFound) fail(`revision ${rev} is not a descendent of preceding tag (${lastTag})`);
      }
      /**
       * Versions retracted by the go.mod of the highest listed release (queries
       * skip them; an exact version stays downloadable).
       */
      async retractions(listed) {
        let versions = listed ?? await this.versions("");
        const inc = versions.findIndex((v) => v.endsWith("+incompatible"));
        if (inc >= 0) versions = versions.slice(0, inc);
        if (versions.length === 0) return () => false;
        const releases = versions.filter((v) => prerelease(v) === "");
        const highest = releases.at(-1) ?? versions[versions.length - 1] ?? "";
        const data = await this.goMod(highest);
        const retractions = parseLax("go.mod", data).retract;
        return (v) => retractions.some((r) => compare(r.low, v) <= 0 && compare(v, r.high) <= 0);
      }
      /**
       * Where the module lives at `version` (cmd/go's findDir): `codeDir` or
       * `codeDir/vN`, with the go.mod found there. Throws Go's error text.
       */
      async findDir(version) {
        if (!isValid(version)) {
          throw this.invalid(version, textError("syntax error"));
        }
        const rev = this.revToRev(version);
        const file1 = path3.join(this.codeDir, "go.mod");
        const gomod1 = await this.code.readFile(rev, file1);
        const mpath1 = gomod1 === void 0 ? "" : modulePath(gomod1);
        const found1 = gomod1 !== void 0 && (isMajor(mpath1, this.pathMajor) || this.pathMajor === "" && mpath1.startsWith("gopkg.in/"));
        let file2 = "";
        if (this.pathMajor !== "" && this.codeRoot !== this.modPath && !this.pathMajor.startsWith(".")) {
          const dir2 = path3.join(this.codeDir, this.pathMajor.slice(1));
          file2 = path3.join(dir2, "go.mod");
          const gomod2 = await this.code.readFile(rev, file2);
          const mpath2 = gomod2 === void 0 ? "" : modulePath(gomod2);
          const found2 = gomod2 !== void 0 && isMajor(mpath2, this.pathMajor);
          if (found1 && found2) {
            throw textError(
              `${this.pathPrefix}/${file1} and ...${this.pathMajor}/go.mod both have ...${this.pathMajor} module paths at revision ${rev}`
            );
          }
          if (found2) return { rev, dir: dir2, goMod: gomod2 };
          if (gomod2 !== void 0) {
            if (mpath2 === "") {
              throw textError(`${this.codeRoot}/${file2} is missing module path at revision ${rev}`);
            }
            throw textError(
              `${this.codeRoot}/${file2} has non-...${this.pathMajor} module path ${goQuote(mpath2)} at revision ${rev}`
            );
          }
        }
        if (found1) return { rev, dir: this.codeDir, goMod: gomod1 };
        if (gomod1 !== void 0) {
          const suffix = file2 !== "" ? ` (and ...${this.pathMajor}/go.mod does not exist)` : "";
          if (mpath1 === "") {
            throw textError(`${file1} is missing module path${suffix} at revision ${rev}`);
          }
          if (this.pathMajor !== "") {
            throw textError(
              `${file1} has non-...${this.pathMajor} module path ${goQuote(mpath1)}${suffix} at revision ${rev}`
            );
          }
          if (!splitPathVersion(mpath1).ok) {
            throw textError(
              `${file1} has malformed module path ${goQuote(mpath1)}${suffix} at revision ${rev}`
            );
          }
          throw textError(
            `${file1} has post-${major(version)} module path ${goQuote(mpath1)}${suffix} at revision ${rev}`
          );
        }
        if (this.codeDir === "" && (this.pathMajor === "" || this.pathMajor.startsWith("."))) {
          return { rev, dir: "", goMod: void 0 };
        }
        if (file2 !== "") {
          throw textError(
            `missing ${this.pathPrefix}/go.mod and ...${this.pathMajor}/go.mod at revision ${rev}`
          );
        }
        throw textError(`missing ${this.pathPrefix}/go.mod at revision ${rev}`);
      }
      /** The `.mod` file of a canonical version. Throws Go's error text. */
      async goMod(version) {
        if (version !== canonicalVersion(version)) {
          throw textError(`version ${version} is not canonical`);
        }
        if (isPseudoVersion(version)) await this.stat(version);
        const found = await this.findDirWrapped(version);
        if (found.goMod !== void 0) return found.goMod;
        const data = await this.code.readFile(found.rev, path3.join(found.dir, "go.mod"));
        return data ?? legacyGoMod(this.modPath);
      }
      async findDirWrapped(version) {
        return this.findDir(version);
      }
      /**
       * The archive listing Go turns into the zip of a canonical version, before
       * the module-zip rules: files relative to the module directory, and the
       * repository-root LICENSE appended (raw) when the module is in a
       * subdirectory without one. Throws Go's error text.
       */
      async zipFiles(version) {
        if (version !== canonicalVersion(version)) {
          throw textError(`version ${version} is not canonical`);
        }
        if (isPseudoVersion(version)) await this.stat(version);
        const { rev, dir } = await this.findDir(version);
        const listing = await this.code.readZip(rev, dir);
        if (listing.zipTooLarge) throw textError("downloaded zip file too large");
        const files2 = listing.files.map((f) => ({ ...f }));
        let license;
        if (dir !== "" && !files2.some((f) => f.path === "LICENSE")) {
          license = await this.code.readFile(rev, "LICENSE");
          if (license !== void 0) {
            files2.push({
              path: "LICENSE",
              kind: "regular",
              size: license.length,
              sha256: sha256(license),
              raw: license
            });
          }
        }
        return { dir, rev, files: files2, goMod: listing.goMod };
      }
    };
  }
});

// src/dirhash/hash1.ts
import { createHash as createHash3 } from "node:crypto";
function sha2562(data) {
  return createHash3("sha256").update(data).digest();
}
function hash1Summary(files2) {
  const sorted = [...files2].sort((a, b) => compareGoStrings(a.name, b.name));
  const parts = [];
  for (const f of sorted) {
    if (f.name.includes("\n")) throw new Error(newlineErrorText);
    parts.push(Buffer.from(`${Buffer.from(f.sha256).toString("hex")}  `, "latin1"));
    parts.push(encodeGoString(f.name));
    parts.push(Buffer.from("\n", "latin1"));
  }
  return Buffer.concat(parts);
}
function hash1(files2) {
  return "h1:" + sha2562(hash1Summary(files2)).toString("base64");
}
function hashBytesFiles(files2) {
  return hash1(files2.map((f) => ({ name: f.name, sha256: sha2562(f.data) })));
}
function hashGoMod(data) {
  return hashBytesFiles([{ name: "go.mod", data }]);
}
var newlineErrorText;
var init_hash1 = __esm({
  "src/dirhash/hash1.ts"() {
    "use strict";
    init_go_string();
    newlineErrorText = "dirhash: filenames with newlines are not supported";
  }
});

// node_modules/pend/index.js
var require_pend = __commonJS({
  "node_modules/pend/index.js"(exports, module) {
    module.exports = Pend;
    function Pend() {
      this.pending = 0;
      this.max = Infinity;
      this.listeners = [];
      this.waiting = [];
      this.error = null;
    }
    Pend.prototype.go = function(fn) {
      if (this.pending < this.max) {
        pendGo(this, fn);
      } else {
        this.waiting.push(fn);
      }
    };
    Pend.prototype.wait = function(cb) {
      if (this.pending === 0) {
        cb(this.error);
      } else {
        this.listeners.push(cb);
      }
    };
    Pend.prototype.hold = function() {
      return pendHold(this);
    };
    function pendHold(self) {
      self.pending += 1;
      var called = false;
      return onCb;
      function onCb(err) {
        if (called) throw new Error("callback called twice");
        called = true;
        self.error = self.error || err;
        self.pending -= 1;
        if (self.waiting.length > 0 && self.pending < self.max) {
          pendGo(self, self.waiting.shift());
        } else if (self.pending === 0) {
          var listeners = self.listeners;
          self.listeners = [];
          listeners.forEach(cbListener);
        }
      }
      function cbListener(listener) {
        listener(self.error);
      }
    }
    function pendGo(self, fn) {
      fn(pendHold(self));
    }
  }
});

// node_modules/yauzl/fd-slicer.js
var require_fd_slicer = __commonJS({
  "node_modules/yauzl/fd-slicer.js"(exports) {
    var fs = __require("fs");
    var util = __require("util");
    var stream = __require("stream");
    var Readable3 = stream.Readable;
    var PassThrough3 = stream.PassThrough;
    var Pend = require_pend();
    var EventEmitter = __require("events").EventEmitter;
    exports.BufferSlicer = BufferSlicer;
    exports.FdSlicer = FdSlicer;
    util.inherits(FdSlicer, EventEmitter);
    function FdSlicer(fd) {
      EventEmitter.call(this);
      this.fd = fd;
      this.pend = new Pend();
      this.pend.max = 1;
      this.refCount = 0;
    }
    FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      var self = this;
      self.pend.go(function(cb) {
        fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer2) {
          cb();
          callback(err, bytesRead, buffer2);
        });
      });
    };
    FdSlicer.prototype.createReadStream = function(options2) {
      return new ReadStream(this, options2);
    };
    FdSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    FdSlicer.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount < 0) throw new Error("invalid unref");
      if (self.refCount > 0) return;
      fs.close(self.fd, onCloseDone);
      function onCloseDone(err) {
        if (err) {
          self.emit("error", err);
        } else {
          self.emit("close");
        }
      }
    };
    util.inherits(ReadStream, Readable3);
    function ReadStream(context, options2) {
      options2 = options2 || {};
      Readable3.call(this, options2);
      this.context = context;
      this.context.ref();
      this.start = options2.start || 0;
      this.endOffset = options2.end;
      this.pos = this.start;
    }
    ReadStream.prototype._read = function(n) {
      var self = this;
      var toRead = Math.min(self._readableState.highWaterMark, n);
      if (self.endOffset != null) {
        toRead = Math.min(toRead, self.endOffset - self.pos);
      }
      if (toRead <= 0) {
        self.push(null);
        this._cleanup();
        return;
      }
      self.context.pend.go(function(cb) {
        var buffer = Buffer.allocUnsafe(toRead);
        fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
          if (err) {
            self.destroy(err);
          } else if (bytesRead === 0) {
            self.push(null);
            self._cleanup();
          } else {
            self.pos += bytesRead;
            self.push(buffer.slice(0, bytesRead));
          }
          cb();
        });
      });
    };
    ReadStream.prototype._destroy = function(err, cb) {
      this._cleanup();
      cb(err);
    };
    ReadStream.prototype._cleanup = function() {
      if (this.context != null) {
        this.context.unref();
        this.context = null;
      }
    };
    util.inherits(BufferSlicer, EventEmitter);
    function BufferSlicer(buffer) {
      EventEmitter.call(this);
      this.refCount = 0;
      this.buffer = buffer;
    }
    BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
      if (position < 0) throw new RangeError("position is negative: " + position);
      if (offset + length > buffer.length) {
        length = buffer.length - offset;
      }
      if (position + length > this.buffer.length) {
        length = this.buffer.length - position;
      }
      if (length <= 0) {
        setImmediate(function() {
          callback(null, 0);
        });
        return;
      }
      this.buffer.copy(buffer, offset, position, position + length);
      setImmediate(function() {
        callback(null, length);
      });
    };
    BufferSlicer.prototype.createReadStream = function(options2) {
      options2 = options2 || {};
      var readStream = new PassThrough3(options2);
      readStream.start = options2.start || 0;
      readStream.endOffset = options2.end;
      readStream.pos = readStream.endOffset || this.buffer.length;
      var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
      var maxChunkSize = 65536;
      var offset = 0;
      while (true) {
        var nextOffset = offset + maxChunkSize;
        if (nextOffset >= entireSlice.length) {
          if (offset < entireSlice.length) {
            readStream.write(entireSlice.slice(offset, entireSlice.length));
          }
          break;
        }
        readStream.write(entireSlice.slice(offset, nextOffset));
        offset = nextOffset;
      }
      readStream.end();
      return readStream;
    };
    BufferSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    BufferSlicer.prototype.unref = function() {
      this.refCount -= 1;
      if (this.refCount < 0) {
        throw new Error("invalid unref");
      }
    };
  }
});

// node_modules/yauzl/crc32.js
var require_crc32 = __commonJS({
  "node_modules/yauzl/crc32.js"(exports, module) {
    var CRC_TABLE = new Int32Array([
      0,
      1996959894,
      3993919788,
      2567524794,
      124634137,
      1886057615,
      3915621685,
      2657392035,
      249268274,
      2044508324,
      3772115230,
      2547177864,
      162941995,
      2125561021,
      3887607047,
      2428444049,
      498536548,
      1789927666,
      4089016648,
      2227061214,
      450548861,
      1843258603,
      4107580753,
      2211677639,
      325883990,
      1684777152,
      4251122042,
      2321926636,
      335633487,
      1661365465,
      4195302755,
      2366115317,
      997073096,
      1281953886,
      3579855332,
      2724688242,
      1006888145,
      1258607687,
      3524101629,
      2768942443,
      901097722,
      1119000684,
      3686517206,
      2898065728,
      853044451,
      1172266101,
      3705015759,
      2882616665,
      651767980,
      1373503546,
      3369554304,
      3218104598,
      565507253,
      1454621731,
      3485111705,
      3099436303,
      671266974,
      1594198024,
      3322730930,
      2970347812,
      795835527,
      1483230225,
      3244367275,
      3060149565,
      1994146192,
      31158534,
      2563907772,
      4023717930,
      1907459465,
      112637215,
      2680153253,
      3904427059,
      2013776290,
      251722036,
      2517215374,
      3775830040,
      2137656763,
      141376813,
      2439277719,
      3865271297,
      1802195444,
      476864866,
      2238001368,
      4066508878,
      1812370925,
      453092731,
      2181625025,
      4111451223,
      1706088902,
      314042704,
      2344532202,
      4240017532,
      1658658271,
      366619977,
      2362670323,
      4224994405,
      1303535960,
      984961486,
      2747007092,
      3569037538,
      1256170817,
      1037604311,
      2765210733,
      3554079995,
      1131014506,
      879679996,
      2909243462,
      3663771856,
      1141124467,
      855842277,
      2852801631,
      3708648649,
      1342533948,
      654459306,
      3188396048,
      3373015174,
      1466479909,
      544179635,
      3110523913,
      3462522015,
      1591671054,
      702138776,
      2966460450,
      3352799412,
      1504918807,
      783551873,
      3082640443,
      3233442989,
      3988292384,
      2596254646,
      62317068,
      1957810842,
      3939845945,
      2647816111,
      81470997,
      1943803523,
      3814918930,
      2489596804,
      225274430,
      2053790376,
      3826175755,
      2466906013,
      167816743,
      2097651377,
      4027552580,
      2265490386,
      503444072,
      1762050814,
      4150417245,
      2154129355,
      426522225,
      1852507879,
      4275313526,
      2312317920,
      282753626,
      1742555852,
      4189708143,
      2394877945,
      397917763,
      1622183637,
      3604390888,
      2714866558,
      953729732,
      1340076626,
      3518719985,
      2797360999,
      1068828381,
      1219638859,
      3624741850,
      2936675148,
      906185462,
      1090812512,
      3747672003,
      2825379669,
      829329135,
      1181335161,
      3412177804,
      3160834842,
      628085408,
      1382605366,
      3423369109,
      3138078467,
      570562233,
      1426400815,
      3317316542,
      2998733608,
      733239954,
      1555261956,
      3268935591,
      3050360625,
      752459403,
      1541320221,
      2607071920,
      3965973030,
      1969922972,
      40735498,
      2617837225,
      3943577151,
      1913087877,
      83908371,
      2512341634,
      3803740692,
      2075208622,
      213261112,
      2463272603,
      3855990285,
      2094854071,
      198958881,
      2262029012,
      4057260610,
      1759359992,
      534414190,
      2176718541,
      4139329115,
      1873836001,
      414664567,
      2282248934,
      4279200368,
      1711684554,
      285281116,
      2405801727,
      4167216745,
      1634467795,
      376229701,
      2685067896,
      3608007406,
      1308918612,
      956543938,
      2808555105,
      3495958263,
      1231636301,
      1047427035,
      2932959818,
      3654703836,
      1088359270,
      936918e3,
      2847714899,
      3736837829,
      1202900863,
      817233897,
      3183342108,
      3401237130,
      1404277552,
      615818150,
      3134207493,
      3453421203,
      1423857449,
      601450431,
      3009837614,
      3294710456,
      1567103746,
      711928724,
      3020668471,
      3272380065,
      1510334235,
      755167117
    ]);
    function crc323(buf) {
      let crc = -1;
      for (let x of buf) {
        crc = CRC_TABLE[(crc ^ x) & 255] ^ crc >>> 8;
      }
      return (crc ^ -1) >>> 0;
    }
    module.exports = crc323;
  }
});

// node_modules/yauzl/index.js
var require_yauzl = __commonJS({
  "node_modules/yauzl/index.js"(exports) {
    var fs = __require("fs");
    var zlib2 = __require("zlib");
    var fd_slicer = require_fd_slicer();
    var util = __require("util");
    var EventEmitter = __require("events").EventEmitter;
    var Transform4 = __require("stream").Transform;
    var PassThrough3 = __require("stream").PassThrough;
    var Writable2 = __require("stream").Writable;
    var crc323 = typeof zlib2.crc32 === "function" ? zlib2.crc32 : require_crc32();
    exports.open = open3;
    exports.fromFd = fromFd;
    exports.fromBuffer = fromBuffer;
    exports.fromRandomAccessReader = fromRandomAccessReader;
    exports.openPromise = openPromise;
    exports.fromFdPromise = fromFdPromise;
    exports.fromBufferPromise = fromBufferPromise;
    exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;
    exports.dosDateTimeToDate = dosDateTimeToDate;
    exports.getFileNameLowLevel = getFileNameLowLevel;
    exports.validateFileName = validateFileName;
    exports.parseExtraFields = parseExtraFields;
    exports.ZipFile = ZipFile;
    exports.Entry = Entry;
    exports.LocalFileHeader = LocalFileHeader;
    exports.RandomAccessReader = RandomAccessReader;
    function openPromise(path17, options2) {
      return new Promise((resolve, reject) => {
        open3(path17, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromFdPromise(fd, options2) {
      return new Promise((resolve, reject) => {
        fromFd(fd, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromBufferPromise(buffer, options2) {
      return new Promise((resolve, reject) => {
        fromBuffer(buffer, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromRandomAccessReaderPromise(reader2, totalSize, options2) {
      return new Promise((resolve, reject) => {
        fromRandomAccessReader(reader2, totalSize, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function open3(path17, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = true;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs.open(path17, "r", function(err, fd) {
        if (err) return callback(err);
        fromFd(fd, options2, function(err2, zipfile) {
          if (err2) fs.close(fd, defaultCallback);
          callback(err2, zipfile);
        });
      });
    }
    function fromFd(fd, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = false;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs.fstat(fd, function(err, stats) {
        if (err) return callback(err);
        var reader2 = new fd_slicer.FdSlicer(fd);
        fromRandomAccessReader(reader2, stats.size, options2, callback);
      });
    }
    function fromBuffer(buffer, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      options2.autoClose = false;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      var reader2 = new fd_slicer.BufferSlicer(buffer);
      fromRandomAccessReader(reader2, buffer.length, options2, callback);
    }
    function fromRandomAccessReader(reader2, totalSize, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = true;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      var decodeStrings = !!options2.decodeStrings;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
      if (totalSize > Number.MAX_SAFE_INTEGER) {
        throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
      }
      reader2.ref();
      var eocdrWithoutCommentSize = 22;
      var zip64EocdlSize = 20;
      var maxCommentSize = 65535;
      var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
      var buffer = newBuffer(bufferSize);
      var bufferReadStart = totalSize - buffer.length;
      readAndAssertNoEof(reader2, buffer, 0, bufferSize, bufferReadStart, function(err) {
        if (err) return callback(err);
        for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
          if (buffer.readUInt32LE(i) !== 101010256) continue;
          var eocdrBuffer = buffer.subarray(i);
          var diskNumber = eocdrBuffer.readUInt16LE(4);
          var entryCount = eocdrBuffer.readUInt16LE(10);
          var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
          var commentLength = eocdrBuffer.readUInt16LE(20);
          var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
          if (commentLength !== expectedCommentLength) {
            return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK\u263A\u263B` in the comment?"));
          }
          var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false) : eocdrBuffer.subarray(22);
          if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 117853008) {
            var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
            var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
            var zip64EocdrBuffer = newBuffer(56);
            return readAndAssertNoEof(reader2, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err2) {
              if (err2) return callback(err2);
              if (zip64EocdrBuffer.readUInt32LE(0) !== 101075792) {
                return callback(new Error("invalid zip64 end of central directory record signature"));
              }
              diskNumber = zip64EocdrBuffer.readUInt32LE(16);
              if (diskNumber !== 0) {
                return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
              }
              entryCount = readUInt64LE(zip64EocdrBuffer, 32);
              centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
              return callback(null, new ZipFile(reader2, centralDirectoryOffset, totalSize, entryCount, comment, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
            });
          }
          if (diskNumber !== 0) {
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          return callback(null, new ZipFile(reader2, centralDirectoryOffset, totalSize, entryCount, comment, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
        }
        callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
      });
    }
    util.inherits(ZipFile, EventEmitter);
    function ZipFile(reader2, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
      var self = this;
      EventEmitter.call(self);
      self.reader = reader2;
      self.reader.on("error", function(err) {
        emitError(self, err);
      });
      self.reader.once("close", function() {
        self.emit("close");
      });
      self.readEntryCursor = centralDirectoryOffset;
      self.fileSize = fileSize;
      self.entryCount = entryCount;
      self.comment = comment;
      self.entriesRead = 0;
      self.autoClose = !!autoClose;
      self.lazyEntries = !!lazyEntries;
      self.decodeStrings = !!decodeStrings;
      self.validateEntrySizes = !!validateEntrySizes;
      self.strictFileNames = !!strictFileNames;
      self.isOpen = true;
      self.emittedError = false;
      self.hasEachEntryBeenCalled = false;
      if (!self.lazyEntries) self._readEntry();
    }
    ZipFile.prototype.close = function() {
      if (!this.isOpen) return;
      this.isOpen = false;
      this.reader.unref();
    };
    function emitErrorAndAutoClose(self, err) {
      if (self.autoClose) self.close();
      emitError(self, err);
    }
    function emitError(self, err) {
      if (self.emittedError) return;
      self.emittedError = true;
      self.emit("error", err);
    }
    ZipFile.prototype.readEntry = function() {
      if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
      this._readEntry();
    };
    ZipFile.prototype._readEntry = function() {
      var self = this;
      if (self.entryCount === self.entriesRead) {
        setImmediate(function() {
          if (self.autoClose) self.close();
          if (self.emittedError) return;
          self.emit("end");
        });
        return;
      }
      if (self.emittedError) return;
      var buffer = newBuffer(46);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
        if (err) return emitErrorAndAutoClose(self, err);
        if (self.emittedError) return;
        var entry = new Entry();
        var signature = buffer.readUInt32LE(0);
        if (signature !== 33639248) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
        entry.versionMadeBy = buffer.readUInt16LE(4);
        entry.versionNeededToExtract = buffer.readUInt16LE(6);
        entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
        entry.compressionMethod = buffer.readUInt16LE(10);
        entry.lastModFileTime = buffer.readUInt16LE(12);
        entry.lastModFileDate = buffer.readUInt16LE(14);
        entry.crc32 = buffer.readUInt32LE(16);
        entry.compressedSize = buffer.readUInt32LE(20);
        entry.uncompressedSize = buffer.readUInt32LE(24);
        entry.fileNameLength = buffer.readUInt16LE(28);
        entry.extraFieldLength = buffer.readUInt16LE(30);
        entry.fileCommentLength = buffer.readUInt16LE(32);
        entry.internalFileAttributes = buffer.readUInt16LE(36);
        entry.externalFileAttributes = buffer.readUInt32LE(38);
        entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);
        if (entry.generalPurposeBitFlag & 64) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));
        self.readEntryCursor += 46;
        buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
        readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err2) {
          if (err2) return emitErrorAndAutoClose(self, err2);
          if (self.emittedError) return;
          entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
          var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
          entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
          entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);
          try {
            entry.extraFields = parseExtraFields(entry.extraFieldRaw);
          } catch (err3) {
            return emitErrorAndAutoClose(self, err3);
          }
          if (self.decodeStrings) {
            var isUtf8 = (entry.generalPurposeBitFlag & 2048) !== 0;
            entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
            entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
            var errorMessage2 = validateFileName(entry.fileName);
            if (errorMessage2 != null) return emitErrorAndAutoClose(self, new Error(errorMessage2));
          } else {
            entry.fileComment = entry.fileCommentRaw;
            entry.fileName = entry.fileNameRaw;
          }
          entry.comment = entry.fileComment;
          self.readEntryCursor += buffer.length;
          self.entriesRead += 1;
          for (var i = 0; i < entry.extraFields.length; i++) {
            var extraField = entry.extraFields[i];
            if (extraField.id !== 1) continue;
            var zip64EiefBuffer = extraField.data;
            var index = 0;
            if (entry.uncompressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
              }
              entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.compressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
              }
              entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.relativeOffsetOfLocalHeader === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
              }
              entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            break;
          }
          if (self.validateEntrySizes && entry.compressionMethod === 0) {
            var expectedCompressedSize = entry.uncompressedSize;
            if (entry.isEncrypted()) {
              expectedCompressedSize += 12;
            }
            if (entry.compressedSize !== expectedCompressedSize) {
              var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
              return emitErrorAndAutoClose(self, new Error(msg));
            }
          }
          self.emit("entry", entry);
          if (!self.lazyEntries) self._readEntry();
        });
      });
    };
    ZipFile.prototype.eachEntry = function() {
      const self = this;
      if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
      if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
      self.hasEachEntryBeenCalled = true;
      let pendingResolveReject = null;
      self.on("entry", onEntry);
      self.on("end", onEnd);
      self.on("error", onError);
      function cleanup() {
        self.removeListener("entry", onEntry);
        self.removeListener("end", onEnd);
        self.removeListener("error", onError);
        if (self.autoClose) self.close();
      }
      function onEntry(entry) {
        let { resolve } = pendingResolveReject;
        pendingResolveReject = null;
        resolve({ value: entry });
      }
      function onEnd() {
        let { resolve } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        resolve({ done: true });
      }
      function onError(err) {
        let { reject } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        reject(err);
      }
      return {
        [Symbol.asyncIterator]() {
          return this;
        },
        next() {
          const promise = new Promise((resolve, reject) => {
            if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
            pendingResolveReject = { resolve, reject };
          });
          self.readEntry();
          return promise;
        },
        return(value) {
          cleanup();
          return Promise.resolve({ done: true, value });
        },
        throw(value) {
          cleanup();
          return Promise.reject(value);
        }
      };
    };
    ZipFile.prototype.openReadStream = function(entry, options2, callback) {
      var self = this;
      var relativeStart = 0;
      var relativeEnd = entry.compressedSize;
      if (callback == null) {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) {
        options2 = {};
      } else {
        if (options2.decodeFileData === false) {
          if (options2.decrypt != null) {
            throw new Error("cannot use options.decrypt when options.decodeFileData === false");
          }
          if (options2.decompress != null) {
            throw new Error("cannot use options.decompress when options.decodeFileData === false");
          }
        } else {
          if (options2.decrypt != null) {
            if (!entry.isEncrypted()) {
              throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
            }
            if (options2.decrypt !== false) throw new Error("invalid options.decrypt value: " + options2.decrypt);
            if (entry.isCompressed()) {
              if (options2.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
            }
          }
          if (options2.decompress != null) {
            if (!entry.isCompressed()) {
              throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
            }
            if (!(options2.decompress === false || options2.decompress === true)) {
              throw new Error("invalid options.decompress value: " + options2.decompress);
            }
            decompress = options2.decompress;
          }
        }
        if (options2.start != null) {
          relativeStart = options2.start;
          if (relativeStart < 0) throw new Error("options.start < 0");
          if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
        }
        if (options2.end != null) {
          relativeEnd = options2.end;
          if (relativeEnd < 0) throw new Error("options.end < 0");
          if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
          if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
        }
      }
      var rawMode = options2.decodeFileData === false || // Explicitly requested raw.
      (entry.compressionMethod === 0 || // Naturally without compression.
      entry.compressionMethod === 8 && options2.decompress === false) && (!entry.isEncrypted() || // Naturally without encryption.
      options2.decrypt === false);
      if (options2.start != null || options2.end != null) {
        if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
      }
      if (!self.isOpen) return callback(new Error("closed"));
      if (entry.isEncrypted() && !rawMode) {
        if (options2.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
      }
      var decompress;
      if (rawMode) {
        decompress = false;
      } else if (entry.compressionMethod === 8) {
        decompress = options2.decodeFileData !== true;
      } else {
        return callback(new Error("unsupported compression method: " + entry.compressionMethod));
      }
      self.readLocalFileHeader(entry, { minimal: true }, function(err, localFileHeader) {
        if (err) return callback(err);
        self.openReadStreamLowLevel(
          localFileHeader.fileDataStart,
          entry.compressedSize,
          relativeStart,
          relativeEnd,
          decompress,
          entry.uncompressedSize,
          callback
        );
      });
    };
    ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
      var self = this;
      var fileDataEnd = fileDataStart + compressedSize;
      var readStream = self.reader.createReadStream({
        start: fileDataStart + relativeStart,
        end: fileDataStart + relativeEnd
      });
      var endpointStream = readStream;
      if (decompress) {
        var destroyed = false;
        var inflateFilter = zlib2.createInflateRaw();
        readStream.on("error", function(err) {
          setImmediate(function() {
            if (!destroyed) inflateFilter.emit("error", err);
          });
        });
        readStream.pipe(inflateFilter);
        if (self.validateEntrySizes) {
          endpointStream = new AssertByteCountStream(uncompressedSize);
          inflateFilter.on("error", function(err) {
            setImmediate(function() {
              if (!destroyed) endpointStream.emit("error", err);
            });
          });
          inflateFilter.pipe(endpointStream);
        } else {
          endpointStream = inflateFilter;
        }
        installDestroyFn(endpointStream, function() {
          destroyed = true;
          if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
          readStream.unpipe(inflateFilter);
          readStream.destroy();
        });
      }
      callback(null, endpointStream);
    };
    ZipFile.prototype.readLocalFileHeader = function(entry, options2, callback) {
      var self = this;
      if (callback == null) {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      self.reader.ref();
      var buffer = newBuffer(30);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
        try {
          if (err) return callback(err);
          var signature = buffer.readUInt32LE(0);
          if (signature !== 67324752) {
            return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
          }
          var fileNameLength = buffer.readUInt16LE(26);
          var extraFieldLength = buffer.readUInt16LE(28);
          var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
          if (fileDataStart + entry.compressedSize > self.fileSize) {
            return callback(new Error("file data overflows file bounds: " + fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
          }
          if (options2.minimal) {
            return callback(null, { fileDataStart });
          }
          var localFileHeader = new LocalFileHeader();
          localFileHeader.fileDataStart = fileDataStart;
          localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
          localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
          localFileHeader.compressionMethod = buffer.readUInt16LE(8);
          localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
          localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
          localFileHeader.crc32 = buffer.readUInt32LE(14);
          localFileHeader.compressedSize = buffer.readUInt32LE(18);
          localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
          localFileHeader.fileNameLength = fileNameLength;
          localFileHeader.extraFieldLength = extraFieldLength;
          buffer = newBuffer(fileNameLength + extraFieldLength);
          self.reader.ref();
          readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err2) {
            try {
              if (err2) return callback(err2);
              localFileHeader.fileName = buffer.subarray(0, fileNameLength);
              localFileHeader.extraField = buffer.subarray(fileNameLength);
              return callback(null, localFileHeader);
            } finally {
              self.reader.unref();
            }
          });
        } finally {
          self.reader.unref();
        }
      });
    };
    ZipFile.prototype.openReadStreamPromise = function(entry, options2) {
      return new Promise((resolve, reject) => {
        this.openReadStream(entry, options2, function(err, readStream) {
          if (err) return reject(err);
          resolve(readStream);
        });
      });
    };
    ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
      return new Promise((resolve, reject) => {
        this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
          if (err) return reject(err);
          resolve(readStream);
        });
      });
    };
    ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options2) {
      return new Promise((resolve, reject) => {
        this.readLocalFileHeader(entry, options2, function(err, localFileHeader) {
          if (err) return reject(err);
          resolve(localFileHeader);
        });
      });
    };
    function Entry() {
    }
    Entry.prototype.getLastModDate = function(options2) {
      if (options2 == null) options2 = {};
      if (!options2.forceDosFormat) {
        for (var i = 0; i < this.extraFields.length; i++) {
          var extraField = this.extraFields[i];
          if (extraField.id === 21589) {
            var data = extraField.data;
            if (data.length < 5) continue;
            var flags = data[0];
            var HAS_MTIME = 1;
            if (!(flags & HAS_MTIME)) continue;
            var posixTimestamp = data.readInt32LE(1);
            return new Date(posixTimestamp * 1e3);
          } else if (extraField.id === 10) {
            var data = extraField.data;
            if (data.length !== 32) continue;
            if (data.readUInt16LE(4) !== 1) continue;
            if (data.readUInt16LE(6) !== 24) continue;
            var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
            var millisecondsSince1970 = hundredNanoSecondsSince1601 / 1e4 - 116444736e5;
            return new Date(millisecondsSince1970);
          }
        }
      }
      return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options2.timezone);
    };
    Entry.prototype.canDecodeFileData = function() {
      return !this.isEncrypted() && (this.compressionMethod === 0 || this.compressionMethod === 8);
    };
    Entry.prototype.isEncrypted = function() {
      return (this.generalPurposeBitFlag & 1) !== 0;
    };
    Entry.prototype.isCompressed = function() {
      return this.compressionMethod === 8;
    };
    function LocalFileHeader() {
    }
    function dosDateTimeToDate(date, time, timezone) {
      var day = date & 31;
      var month = (date >> 5 & 15) - 1;
      var year = (date >> 9 & 127) + 1980;
      var millisecond = 0;
      var second = (time & 31) * 2;
      var minute = time >> 5 & 63;
      var hour = time >> 11 & 31;
      if (timezone == null || timezone === "local") {
        return new Date(year, month, day, hour, minute, second, millisecond);
      } else if (timezone === "UTC") {
        return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
      } else {
        throw new Error("unrecognized options.timezone: " + options.timezone);
      }
    }
    function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
      var fileName = null;
      for (var i = 0; i < extraFields.length; i++) {
        var extraField = extraFields[i];
        if (extraField.id === 28789) {
          if (extraField.data.length < 6) {
            continue;
          }
          if (extraField.data.readUInt8(0) !== 1) {
            continue;
          }
          var oldNameCrc32 = extraField.data.readUInt32LE(1);
          if (crc323(fileNameBuffer) !== oldNameCrc32) {
            continue;
          }
          fileName = decodeBuffer(extraField.data.subarray(5), true);
          break;
        }
      }
      if (fileName == null) {
        var isUtf8 = (generalPurposeBitFlag & 2048) !== 0;
        fileName = decodeBuffer(fileNameBuffer, isUtf8);
      }
      if (!strictFileNames) {
        fileName = fileName.replace(/\\/g, "/");
      }
      return fileName;
    }
    function validateFileName(fileName) {
      if (fileName.indexOf("\\") !== -1) {
        return "invalid characters in fileName: " + fileName;
      }
      if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
        return "absolute path: " + fileName;
      }
      if (fileName.split("/").indexOf("..") !== -1) {
        return "invalid relative path: " + fileName;
      }
      return null;
    }
    function parseExtraFields(extraFieldBuffer) {
      var extraFields = [];
      var i = 0;
      while (i < extraFieldBuffer.length - 3) {
        var headerId = extraFieldBuffer.readUInt16LE(i + 0);
        var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
        var dataStart = i + 4;
        var dataEnd = dataStart + dataSize;
        if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
        var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
        extraFields.push({
          id: headerId,
          data: dataBuffer
        });
        i = dataEnd;
      }
      return extraFields;
    }
    function readAndAssertNoEof(reader2, buffer, offset, length, position, callback) {
      if (length === 0) {
        return setImmediate(function() {
          callback(null, newBuffer(0));
        });
      }
      reader2.read(buffer, offset, length, position, function(err, bytesRead) {
        if (err) return callback(err);
        if (bytesRead < length) {
          return callback(new Error("unexpected EOF"));
        }
        callback();
      });
    }
    util.inherits(AssertByteCountStream, Transform4);
    function AssertByteCountStream(byteCount) {
      Transform4.call(this);
      this.actualByteCount = 0;
      this.expectedByteCount = byteCount;
    }
    AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
      this.actualByteCount += chunk.length;
      if (this.actualByteCount > this.expectedByteCount) {
        var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb(null, chunk);
    };
    AssertByteCountStream.prototype._flush = function(cb) {
      if (this.actualByteCount < this.expectedByteCount) {
        var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb();
    };
    util.inherits(RandomAccessReader, EventEmitter);
    function RandomAccessReader() {
      EventEmitter.call(this);
      this.refCount = 0;
    }
    RandomAccessReader.prototype.ref = function() {
      this.refCount += 1;
    };
    RandomAccessReader.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount > 0) return;
      if (self.refCount < 0) throw new Error("invalid unref");
      self.close(onCloseDone);
      function onCloseDone(err) {
        if (err) return self.emit("error", err);
        self.emit("close");
      }
    };
    RandomAccessReader.prototype.createReadStream = function(options2) {
      if (options2 == null) options2 = {};
      var start = options2.start;
      var end = options2.end;
      if (start === end) {
        var emptyStream = new PassThrough3();
        setImmediate(function() {
          emptyStream.end();
        });
        return emptyStream;
      }
      var stream = this._readStreamForRange(start, end);
      var destroyed = false;
      var refUnrefFilter = new RefUnrefFilter(this);
      stream.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) refUnrefFilter.emit("error", err);
        });
      });
      installDestroyFn(refUnrefFilter, function() {
        stream.unpipe(refUnrefFilter);
        refUnrefFilter.unref();
        stream.destroy();
      });
      var byteCounter = new AssertByteCountStream(end - start);
      refUnrefFilter.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) byteCounter.emit("error", err);
        });
      });
      installDestroyFn(byteCounter, function() {
        destroyed = true;
        refUnrefFilter.unpipe(byteCounter);
        refUnrefFilter.destroy();
      });
      return stream.pipe(refUnrefFilter).pipe(byteCounter);
    };
    RandomAccessReader.prototype._readStreamForRange = function(start, end) {
      throw new Error("not implemented");
    };
    RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
      var readStream = this.createReadStream({ start: position, end: position + length });
      var writeStream = new Writable2();
      var written = 0;
      writeStream._write = function(chunk, encoding, cb) {
        chunk.copy(buffer, offset + written, 0, chunk.length);
        written += chunk.length;
        cb();
      };
      writeStream.on("finish", callback);
      readStream.on("error", function(error) {
        callback(error);
      });
      readStream.pipe(writeStream);
    };
    RandomAccessReader.prototype.close = function(callback) {
      setImmediate(callback);
    };
    util.inherits(RefUnrefFilter, PassThrough3);
    function RefUnrefFilter(context) {
      PassThrough3.call(this);
      this.context = context;
      this.context.ref();
      this.unreffedYet = false;
    }
    RefUnrefFilter.prototype._flush = function(cb) {
      this.unref();
      cb();
    };
    RefUnrefFilter.prototype.unref = function(cb) {
      if (this.unreffedYet) return;
      this.unreffedYet = true;
      this.context.unref();
    };
    var cp437 = "\0\u263A\u263B\u2665\u2666\u2663\u2660\u2022\u25D8\u25CB\u25D9\u2642\u2640\u266A\u266B\u263C\u25BA\u25C4\u2195\u203C\xB6\xA7\u25AC\u21A8\u2191\u2193\u2192\u2190\u221F\u2194\u25B2\u25BC !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u2302\xC7\xFC\xE9\xE2\xE4\xE0\xE5\xE7\xEA\xEB\xE8\xEF\xEE\xEC\xC4\xC5\xC9\xE6\xC6\xF4\xF6\xF2\xFB\xF9\xFF\xD6\xDC\xA2\xA3\xA5\u20A7\u0192\xE1\xED\xF3\xFA\xF1\xD1\xAA\xBA\xBF\u2310\xAC\xBD\xBC\xA1\xAB\xBB\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580\u03B1\xDF\u0393\u03C0\u03A3\u03C3\xB5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229\u2261\xB1\u2265\u2264\u2320\u2321\xF7\u2248\xB0\u2219\xB7\u221A\u207F\xB2\u25A0\xA0";
    function decodeBuffer(buffer, isUtf8) {
      if (isUtf8) {
        return buffer.toString("utf8");
      } else {
        var result2 = "";
        for (var i = 0; i < buffer.length; i++) {
          result2 += cp437[buffer[i]];
        }
        return result2;
      }
    }
    function readUInt64LE(buffer, offset) {
      var lower32 = buffer.readUInt32LE(offset);
      var upper32 = buffer.readUInt32LE(offset + 4);
      return upper32 * 4294967296 + lower32;
    }
    var newBuffer;
    if (typeof Buffer.allocUnsafe === "function") {
      newBuffer = function(len) {
        return Buffer.allocUnsafe(len);
      };
    } else {
      newBuffer = function(len) {
        return new Buffer(len);
      };
    }
    function installDestroyFn(stream, fn) {
      if (typeof stream.destroy === "function") {
        stream._destroy = function(err, cb) {
          fn();
          if (cb != null) cb(err);
        };
      } else {
        stream.destroy = fn;
      }
    }
    function defaultCallback(err) {
      if (err) throw err;
    }
  }
});

// src/dirhash/zip-reader.ts
import { promises as fsp } from "node:fs";
import { Transform } from "node:stream";
import * as zlib from "node:zlib";
function goFsError(op, path17, e) {
  const code = e?.code;
  const text = typeof code === "string" ? errnoText[code] : void 0;
  return new Error(`${op} ${path17}: ${text ?? errorMessage(e)}`);
}
function formatError(e) {
  if (e instanceof ZipFormatError) return e;
  return new ZipFormatError(`not a valid zip file: ${errorMessage(e)}`);
}
async function openZip(zipPath) {
  let size;
  try {
    const st = await fsp.stat(zipPath);
    if (st.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    size = st.size;
  } catch (e) {
    throw goFsError("open", zipPath, e);
  }
  let zf;
  try {
    zf = await import_yauzl.default.openPromise(zipPath, {
      autoClose: false,
      lazyEntries: true,
      // Go keeps names as raw bytes; yauzl's decoding (CP437, Unicode extra
      // field) and its name validation would change what gets hashed and
      // pre-empt Go's own file-path errors.
      decodeStrings: false,
      validateEntrySizes: true
    });
  } catch (e) {
    throw formatError(e);
  }
  const raws = [];
  const entries = [];
  try {
    for await (const raw of zf.eachEntry()) {
      const nameBytes = raw.fileName;
      entries.push({
        index: entries.length,
        name: decodeGoString(nameBytes),
        uncompressedSize: raw.uncompressedSize,
        compressedSize: raw.compressedSize,
        crc32: raw.crc32,
        compressionMethod: raw.compressionMethod,
        generalPurposeBitFlag: raw.generalPurposeBitFlag,
        externalFileAttributes: raw.externalFileAttributes
      });
      raws.push(raw);
    }
  } catch (e) {
    zf.close();
    throw formatError(e);
  }
  const rawOf = (entry) => {
    const raw = raws[entry.index];
    if (raw === void 0) throw new Error(`zip entry ${entry.index} does not belong to this zip`);
    return raw;
  };
  return {
    size,
    entries,
    async openEntry(entry) {
      let src;
      try {
        src = await zf.openReadStreamPromise(rawOf(entry));
      } catch (e) {
        throw formatError(e);
      }
      const checker = new EntryChecker(entry);
      src.on("error", (e) => checker.destroy(translateStreamError(entry, e)));
      checker.on("close", () => src.destroy());
      src.pipe(checker);
      return checker;
    },
    async checkLocalHeader(entry) {
      try {
        await zf.readLocalFileHeaderPromise(rawOf(entry), { minimal: true });
      } catch (e) {
        throw formatError(e);
      }
    },
    close() {
      zf.close();
    }
  };
}
function translateStreamError(entry, e) {
  const msg = errorMessage(e);
  if (msg.startsWith("too many bytes in the stream")) return new ZipEntrySizeError(entry, "larger");
  if (msg.startsWith("not enough bytes in the stream"))
    return new ZipEntrySizeError(entry, "smaller");
  return new ZipFormatError(`not a valid zip file: ${entry.name}: ${msg}`);
}
function crc322(data, prev = 0) {
  if (nativeCrc32 !== void 0) return nativeCrc32(data, prev) >>> 0;
  if (crcTable === void 0) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c2 = n;
      for (let k = 0; k < 8; k++) c2 = c2 & 1 ? 3988292384 ^ c2 >>> 1 : c2 >>> 1;
      crcTable[n] = c2 >>> 0;
    }
  }
  let c = ~prev >>> 0;
  for (const b of data) c = crcTable[(c ^ b) & 255] ^ c >>> 8;
  return ~c >>> 0;
}
var import_yauzl, ZipFormatError, ZipEntrySizeError, errnoText, EntryChecker, nativeCrc32, crcTable;
var init_zip_reader = __esm({
  "src/dirhash/zip-reader.ts"() {
    "use strict";
    import_yauzl = __toESM(require_yauzl(), 1);
    init_go_string();
    init_errors();
    ZipFormatError = class extends Error {
      name = "ZipFormatError";
    };
    ZipEntrySizeError = class extends ZipFormatError {
      constructor(entry, kind) {
        super(
          `not a valid zip file: ${entry.name}: uncompressed data is ${kind} than the declared size (${entry.uncompressedSize} bytes)`
        );
        this.entry = entry;
        this.kind = kind;
      }
      entry;
      kind;
      name = "ZipEntrySizeError";
    };
    errnoText = {
      ENOENT: "no such file or directory",
      EACCES: "permission denied",
      EPERM: "operation not permitted",
      EISDIR: "is a directory",
      ENOTDIR: "not a directory",
      EEXIST: "file exists",
      ENOTEMPTY: "directory not empty",
      ELOOP: "too many levels of symbolic links",
      ENAMETOOLONG: "file name too long",
      ENOSPC: "no space left on device",
      EMFILE: "too many open files"
    };
    EntryChecker = class extends Transform {
      constructor(entry) {
        super();
        this.entry = entry;
      }
      entry;
      crc = 0;
      count = 0;
      _transform(chunk, _enc, cb) {
        this.count += chunk.length;
        if (this.count > this.entry.uncompressedSize) {
          cb(new ZipEntrySizeError(this.entry, "larger"));
          return;
        }
        this.crc = crc322(chunk, this.crc);
        cb(null, chunk);
      }
      _flush(cb) {
        if (this.count !== this.entry.uncompressedSize) {
          cb(new ZipEntrySizeError(this.entry, "smaller"));
          return;
        }
        const hasDescriptor = (this.entry.generalPurposeBitFlag & 8) !== 0;
        if ((hasDescriptor || this.entry.crc32 !== 0) && this.crc >>> 0 !== this.entry.crc32 >>> 0) {
          cb(new ZipFormatError(`not a valid zip file: ${this.entry.name}: checksum error`));
          return;
        }
        cb();
      }
    };
    nativeCrc32 = zlib.crc32;
  }
});

// src/dirhash/hash-zip.ts
import { createHash as createHash4 } from "node:crypto";
async function entryDigest(zip, entry) {
  if (entry.name.endsWith("/")) {
    await zip.checkLocalHeader(entry);
    if (entry.uncompressedSize !== 0) {
      throw new ZipFormatError(
        `not a valid zip file: directory entry ${entry.name} declares ${entry.uncompressedSize} bytes of content`
      );
    }
    return sha2562(new Uint8Array(0));
  }
  const h = createHash4("sha256");
  const stream = await zip.openEntry(entry);
  for await (const chunk of stream) h.update(chunk);
  return h.digest();
}
async function hashOpenedZip(zip) {
  const last = /* @__PURE__ */ new Map();
  for (const e of zip.entries) last.set(e.name, e);
  const names = zip.entries.map((e) => e.name).sort(compareGoStrings);
  const digests = /* @__PURE__ */ new Map();
  const files2 = [];
  for (const name of names) {
    if (name.includes("\n")) throw new Error(newlineErrorText);
    let d = digests.get(name);
    if (d === void 0) {
      d = await entryDigest(zip, last.get(name));
      digests.set(name, d);
    }
    files2.push({ name, sha256: d });
  }
  return hash1(files2);
}
var init_hash_zip = __esm({
  "src/dirhash/hash-zip.ts"() {
    "use strict";
    init_go_string();
    init_hash1();
    init_zip_reader();
  }
});

// src/dirhash/hash-dir.ts
function cleanSlashPath(p) {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out = [];
  for (const elem of p.split("/")) {
    if (elem === "" || elem === ".") continue;
    if (elem === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(elem);
  }
  const body = out.join("/");
  if (rooted) return "/" + body;
  return body === "" ? "." : body;
}
var init_hash_dir = __esm({
  "src/dirhash/hash-dir.ts"() {
    "use strict";
    init_go_string();
    init_hash1();
    init_zip_reader();
  }
});

// src/dirhash/index.ts
var init_dirhash = __esm({
  "src/dirhash/index.ts"() {
    "use strict";
    init_hash1();
    init_hash_zip();
    init_hash_dir();
    init_zip_reader();
  }
});

// src/modzip/types.ts
function checkedFilesError(c) {
  if (c.sizeError !== void 0) return c.sizeError;
  if (c.invalid.length > 0) return new FileErrorList(c.invalid);
  return void 0;
}
var MAX_ZIP_FILE2, MAX_GO_MOD, MAX_LICENSE, FileErrorList, ModZipError;
var init_types = __esm({
  "src/modzip/types.ts"() {
    "use strict";
    MAX_ZIP_FILE2 = 500 << 20;
    MAX_GO_MOD = 16 << 20;
    MAX_LICENSE = 16 << 20;
    FileErrorList = class extends Error {
      constructor(errors) {
        super(errors.map((e) => `${e.path}: ${e.reason}`).join("\n"));
        this.errors = errors;
      }
      errors;
      name = "FileErrorList";
    };
    ModZipError = class extends Error {
      constructor(verb, err, path17) {
        super(path17 === void 0 ? `${verb}: ${err.message}` : `${verb} ${path17}: ${err.message}`);
        this.verb = verb;
        this.err = err;
        this.path = path17;
      }
      verb;
      err;
      path;
      name = "ModZipError";
    };
  }
});

// src/modzip/check-files.ts
function newVendorRules(goModData) {
  if (goModData === void 0) return false;
  const lang = goLanguageVersion(goModData);
  if (lang === void 0) return false;
  const m = /^(\d+)\.(\d+)/.exec(lang) ?? /^(\d+)$/.exec(lang);
  if (m === null) return false;
  const major2 = Number(m[1]);
  const minor = m[2] === void 0 ? 0 : Number(m[2]);
  return major2 > 1 || major2 === 1 && minor >= 24;
}
function isVendoredPackage(name, newRules) {
  if (newRules && name === "vendor/modules.txt") return true;
  let i;
  if (name.startsWith("vendor/")) {
    i = "vendor/".length;
  } else {
    const j = name.indexOf("/vendor/");
    if (j < 0) return false;
    i = newRules ? j + "/vendor/".length : "/vendor/".length;
  }
  return name.slice(i).includes("/");
}
function checkModuleVersion(m) {
  const canonical2 = canonicalVersion(m.version);
  if (canonical2 !== m.version) {
    return new Error(
      `version ${goQuote(m.version)} is not canonical (should be ${goQuote(canonical2)})`
    );
  }
  return check(m.path, m.version);
}
function splitPath(p) {
  const i = p.lastIndexOf("/");
  return [p.slice(0, i + 1), p.slice(i + 1)];
}
function rootGoModFile(files2) {
  let found;
  for (const f of files2) if (f.path === "go.mod" && f.kind === "regular") found = f;
  return found;
}
function classifyFiles(files2, goModData) {
  const checked2 = { valid: [], omitted: [], invalid: [] };
  const validFiles = [];
  const reported = /* @__PURE__ */ new Set();
  const addError = (path17, omitted, reason2) => {
    if (reported.has(path17)) return;
    reported.add(path17);
    const fe = { path: path17, reason: reason2 };
    (omitted ? checked2.omitted : checked2.invalid).push(fe);
  };
  const haveGoMod = /* @__PURE__ */ new Set();
  for (const f of files2) {
    const [dir, base] = splitPath(f.path);
    if (f.kind === "regular" && equalFold(base, "go.mod")) haveGoMod.add(dir);
  }
  const inSubmodule = (p) => {
    for (; ; ) {
      const [dir] = splitPath(p);
      if (dir === "") return false;
      if (haveGoMod.has(dir)) return true;
      p = dir.slice(0, -1);
    }
  };
  const newRules = newVendorRules(goModData);
  const collisions = new CollisionChecker();
  let remaining = MAX_ZIP_FILE2;
  for (const f of files2) {
    const p = f.path;
    if (p !== cleanSlashPath(p)) {
      addError(p, false, reasons.pathNotClean);
      continue;
    }
    if (p.startsWith("/")) {
      addError(p, false, reasons.pathNotRelative);
      continue;
    }
    if (isVendoredPackage(p, newRules)) {
      addError(p, true, reasons.vendored);
      continue;
    }
    if (inSubmodule(p)) {
      addError(p, true, reasons.submoduleFile);
      continue;
    }
    if (p === ".hg_archival.txt") {
      addError(p, true, reasons.hgArchivalTxt);
      continue;
    }
    const pathErr = checkFilePath(p);
    if (pathErr !== void 0) {
      addError(p, false, pathErr.message);
      continue;
    }
    if (p !== "go.mod" && p.length === 6 && p.toLowerCase() === "go.mod") {
      addError(p, false, reasons.goModCase);
      continue;
    }
    const collision = collisions.check(p, f.kind === "dir");
    if (collision !== void 0) {
      addError(p, false, collision);
      continue;
    }
    if (f.kind === "symlink") {
      addError(p, true, reasons.symlink);
      continue;
    }
    if (f.kind !== "regular") {
      addError(p, true, reasons.notRegular);
      continue;
    }
    const size = f.size;
    if (size >= 0 && size <= remaining) {
      remaining -= size;
    } else if (checked2.sizeError === void 0) {
      checked2.sizeError = new Error(sourceTreeTooLargeText);
    }
    if (p === "go.mod" && size > MAX_GO_MOD) {
      addError(p, false, reasons.goModSize);
      continue;
    }
    if (p === "LICENSE" && size > MAX_LICENSE) {
      addError(p, false, reasons.licenseSize);
      continue;
    }
    checked2.valid.push(p);
    validFiles.push(f);
  }
  return { checked: checked2, validFiles };
}
function checkFiles(files2, goModData) {
  return classifyFiles(files2, goModData).checked;
}
var reasons, sourceTreeTooLargeText, CollisionChecker;
var init_check_files = __esm({
  "src/modzip/check-files.ts"() {
    "use strict";
    init_module();
    init_modfile();
    init_go_quote();
    init_fold();
    init_hash_dir();
    init_types();
    reasons = {
      pathNotClean: "file path is not clean",
      pathNotRelative: "file path is not relative",
      goModCase: "go.mod files must have lowercase names",
      goModSize: `go.mod file too large (max size is ${MAX_GO_MOD} bytes)`,
      licenseSize: `LICENSE file too large (max size is ${MAX_LICENSE} bytes)`,
      vcs: "directory is a version control repository",
      vendored: "file is in vendor directory",
      submoduleFile: "file is in another module",
      submoduleDir: "directory is in another module",
      hgArchivalTxt: "file is inserted by 'hg archive' and is always omitted",
      symlink: "file is a symbolic link",
      notRegular: "not a regular file"
    };
    sourceTreeTooLargeText = `module source tree too large (max size is ${MAX_ZIP_FILE2} bytes)`;
    CollisionChecker = class {
      seen = /* @__PURE__ */ new Map();
      /** Record `p` (and its parent directories); the error text if it conflicts. */
      check(p, isDir) {
        for (; ; ) {
          const fold = toFold(p);
          const other = this.seen.get(fold);
          if (other !== void 0) {
            if (other.path !== p) {
              return `case-insensitive file name collision: ${goQuote(other.path)} and ${goQuote(p)}`;
            }
            if (other.isDir !== isDir) return `entry ${goQuote(p)} is both a file and a directory`;
            if (!isDir) return `multiple entries for file ${goQuote(p)}`;
          } else {
            this.seen.set(fold, { path: p, isDir });
          }
          const slash = p.lastIndexOf("/");
          if (slash < 0) return void 0;
          const parent = cleanSlashPath(p.slice(0, slash));
          if (parent === ".") return void 0;
          p = parent;
          isDir = true;
        }
      }
    };
  }
});

// node_modules/buffer-crc32/dist/index.cjs
var require_dist = __commonJS({
  "node_modules/buffer-crc32/dist/index.cjs"(exports, module) {
    "use strict";
    function getDefaultExportFromCjs(x) {
      return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
    }
    var CRC_TABLE = new Int32Array([
      0,
      1996959894,
      3993919788,
      2567524794,
      124634137,
      1886057615,
      3915621685,
      2657392035,
      249268274,
      2044508324,
      3772115230,
      2547177864,
      162941995,
      2125561021,
      3887607047,
      2428444049,
      498536548,
      1789927666,
      4089016648,
      2227061214,
      450548861,
      1843258603,
      4107580753,
      2211677639,
      325883990,
      1684777152,
      4251122042,
      2321926636,
      335633487,
      1661365465,
      4195302755,
      2366115317,
      997073096,
      1281953886,
      3579855332,
      2724688242,
      1006888145,
      1258607687,
      3524101629,
      2768942443,
      901097722,
      1119000684,
      3686517206,
      2898065728,
      853044451,
      1172266101,
      3705015759,
      2882616665,
      651767980,
      1373503546,
      3369554304,
      3218104598,
      565507253,
      1454621731,
      3485111705,
      3099436303,
      671266974,
      1594198024,
      3322730930,
      2970347812,
      795835527,
      1483230225,
      3244367275,
      3060149565,
      1994146192,
      31158534,
      2563907772,
      4023717930,
      1907459465,
      112637215,
      2680153253,
      3904427059,
      2013776290,
      251722036,
      2517215374,
      3775830040,
      2137656763,
      141376813,
      2439277719,
      3865271297,
      1802195444,
      476864866,
      2238001368,
      4066508878,
      1812370925,
      453092731,
      2181625025,
      4111451223,
      1706088902,
      314042704,
      2344532202,
      4240017532,
      1658658271,
      366619977,
      2362670323,
      4224994405,
      1303535960,
      984961486,
      2747007092,
      3569037538,
      1256170817,
      1037604311,
      2765210733,
      3554079995,
      1131014506,
      879679996,
      2909243462,
      3663771856,
      1141124467,
      855842277,
      2852801631,
      3708648649,
      1342533948,
      654459306,
      3188396048,
      3373015174,
      1466479909,
      544179635,
      3110523913,
      3462522015,
      1591671054,
      702138776,
      2966460450,
      3352799412,
      1504918807,
      783551873,
      3082640443,
      3233442989,
      3988292384,
      2596254646,
      62317068,
      1957810842,
      3939845945,
      2647816111,
      81470997,
      1943803523,
      3814918930,
      2489596804,
      225274430,
      2053790376,
      3826175755,
      2466906013,
      167816743,
      2097651377,
      4027552580,
      2265490386,
      503444072,
      1762050814,
      4150417245,
      2154129355,
      426522225,
      1852507879,
      4275313526,
      2312317920,
      282753626,
      1742555852,
      4189708143,
      2394877945,
      397917763,
      1622183637,
      3604390888,
      2714866558,
      953729732,
      1340076626,
      3518719985,
      2797360999,
      1068828381,
      1219638859,
      3624741850,
      2936675148,
      906185462,
      1090812512,
      3747672003,
      2825379669,
      829329135,
      1181335161,
      3412177804,
      3160834842,
      628085408,
      1382605366,
      3423369109,
      3138078467,
      570562233,
      1426400815,
      3317316542,
      2998733608,
      733239954,
      1555261956,
      3268935591,
      3050360625,
      752459403,
      1541320221,
      2607071920,
      3965973030,
      1969922972,
      40735498,
      2617837225,
      3943577151,
      1913087877,
      83908371,
      2512341634,
      3803740692,
      2075208622,
      213261112,
      2463272603,
      3855990285,
      2094854071,
      198958881,
      2262029012,
      4057260610,
      1759359992,
      534414190,
      2176718541,
      4139329115,
      1873836001,
      414664567,
      2282248934,
      4279200368,
      1711684554,
      285281116,
      2405801727,
      4167216745,
      1634467795,
      376229701,
      2685067896,
      3608007406,
      1308918612,
      956543938,
      2808555105,
      3495958263,
      1231636301,
      1047427035,
      2932959818,
      3654703836,
      1088359270,
      936918e3,
      2847714899,
      3736837829,
      1202900863,
      817233897,
      3183342108,
      3401237130,
      1404277552,
      615818150,
      3134207493,
      3453421203,
      1423857449,
      601450431,
      3009837614,
      3294710456,
      1567103746,
      711928724,
      3020668471,
      3272380065,
      1510334235,
      755167117
    ]);
    function ensureBuffer(input) {
      if (Buffer.isBuffer(input)) {
        return input;
      }
      if (typeof input === "number") {
        return Buffer.alloc(input);
      } else if (typeof input === "string") {
        return Buffer.from(input);
      } else {
        throw new Error("input must be buffer, number, or string, received " + typeof input);
      }
    }
    function bufferizeInt(num) {
      const tmp = ensureBuffer(4);
      tmp.writeInt32BE(num, 0);
      return tmp;
    }
    function _crc32(buf, previous) {
      buf = ensureBuffer(buf);
      if (Buffer.isBuffer(previous)) {
        previous = previous.readUInt32BE(0);
      }
      let crc = ~~previous ^ -1;
      for (var n = 0; n < buf.length; n++) {
        crc = CRC_TABLE[(crc ^ buf[n]) & 255] ^ crc >>> 8;
      }
      return crc ^ -1;
    }
    function crc323() {
      return bufferizeInt(_crc32.apply(null, arguments));
    }
    crc323.signed = function() {
      return _crc32.apply(null, arguments);
    };
    crc323.unsigned = function() {
      return _crc32.apply(null, arguments) >>> 0;
    };
    var bufferCrc32 = crc323;
    var index = /* @__PURE__ */ getDefaultExportFromCjs(bufferCrc32);
    module.exports = index;
  }
});

// node_modules/yazl/index.js
var require_yazl = __commonJS({
  "node_modules/yazl/index.js"(exports) {
    var fs = __require("fs");
    var Transform4 = __require("stream").Transform;
    var PassThrough3 = __require("stream").PassThrough;
    var zlib2 = __require("zlib");
    var util = __require("util");
    var EventEmitter = __require("events").EventEmitter;
    var errorMonitor = __require("events").errorMonitor;
    var crc323 = require_dist();
    exports.ZipFile = ZipFile;
    exports.dateToDosDateTime = dateToDosDateTime;
    util.inherits(ZipFile, EventEmitter);
    function ZipFile() {
      this.outputStream = new PassThrough3();
      this.entries = [];
      this.outputStreamCursor = 0;
      this.ended = false;
      this.allDone = false;
      this.forceZip64Eocd = false;
      this.errored = false;
      this.on(errorMonitor, function() {
        this.errored = true;
      });
    }
    ZipFile.prototype.addFile = function(realPath, metadataPath, options2) {
      var self = this;
      metadataPath = validateMetadataPath(metadataPath, false);
      if (options2 == null) options2 = {};
      if (shouldIgnoreAdding(self)) return;
      var entry = new Entry(metadataPath, false, options2);
      self.entries.push(entry);
      fs.stat(realPath, function(err, stats) {
        if (err) return self.emit("error", err);
        if (!stats.isFile()) return self.emit("error", new Error("not a file: " + realPath));
        entry.uncompressedSize = stats.size;
        if (options2.mtime == null) entry.setLastModDate(stats.mtime);
        if (options2.mode == null) entry.setFileAttributesMode(stats.mode);
        entry.setFileDataPumpFunction(function() {
          var readStream = fs.createReadStream(realPath);
          entry.state = Entry.FILE_DATA_IN_PROGRESS;
          readStream.on("error", function(err2) {
            self.emit("error", err2);
          });
          pumpFileDataReadStream(self, entry, readStream);
        });
        pumpEntries(self);
      });
    };
    ZipFile.prototype.addReadStream = function(readStream, metadataPath, options2) {
      this.addReadStreamLazy(metadataPath, options2, function(cb) {
        cb(null, readStream);
      });
    };
    ZipFile.prototype.addReadStreamLazy = function(metadataPath, options2, getReadStreamFunction) {
      var self = this;
      if (typeof options2 === "function") {
        getReadStreamFunction = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      metadataPath = validateMetadataPath(metadataPath, false);
      if (shouldIgnoreAdding(self)) return;
      var entry = new Entry(metadataPath, false, options2);
      self.entries.push(entry);
      entry.setFileDataPumpFunction(function() {
        entry.state = Entry.FILE_DATA_IN_PROGRESS;
        getReadStreamFunction(function(err, readStream) {
          if (err) return self.emit("error", err);
          pumpFileDataReadStream(self, entry, readStream);
        });
      });
      pumpEntries(self);
    };
    ZipFile.prototype.addBuffer = function(buffer, metadataPath, options2) {
      var self = this;
      metadataPath = validateMetadataPath(metadataPath, false);
      if (buffer.length > 1073741823) throw new Error("buffer too large: " + buffer.length + " > 1073741823");
      if (options2 == null) options2 = {};
      if (options2.size != null) throw new Error("options.size not allowed");
      if (shouldIgnoreAdding(self)) return;
      var entry = new Entry(metadataPath, false, options2);
      entry.uncompressedSize = buffer.length;
      entry.crc32 = crc323.unsigned(buffer);
      entry.crcAndFileSizeKnown = true;
      self.entries.push(entry);
      if (entry.compressionLevel === 0) {
        setCompressedBuffer(buffer);
      } else {
        zlib2.deflateRaw(buffer, { level: entry.compressionLevel }, function(err, compressedBuffer) {
          setCompressedBuffer(compressedBuffer);
        });
      }
      function setCompressedBuffer(compressedBuffer) {
        entry.compressedSize = compressedBuffer.length;
        entry.setFileDataPumpFunction(function() {
          writeToOutputStream(self, compressedBuffer);
          writeToOutputStream(self, entry.getDataDescriptor());
          entry.state = Entry.FILE_DATA_DONE;
          setImmediate(function() {
            pumpEntries(self);
          });
        });
        pumpEntries(self);
      }
    };
    ZipFile.prototype.addEmptyDirectory = function(metadataPath, options2) {
      var self = this;
      metadataPath = validateMetadataPath(metadataPath, true);
      if (options2 == null) options2 = {};
      if (options2.size != null) throw new Error("options.size not allowed");
      if (options2.compress != null) throw new Error("options.compress not allowed");
      if (options2.compressionLevel != null) throw new Error("options.compressionLevel not allowed");
      if (shouldIgnoreAdding(self)) return;
      var entry = new Entry(metadataPath, true, options2);
      self.entries.push(entry);
      entry.setFileDataPumpFunction(function() {
        writeToOutputStream(self, entry.getDataDescriptor());
        entry.state = Entry.FILE_DATA_DONE;
        pumpEntries(self);
      });
      pumpEntries(self);
    };
    var eocdrSignatureBuffer = bufferFrom([80, 75, 5, 6]);
    ZipFile.prototype.end = function(options2, calculatedTotalSizeCallback) {
      if (typeof options2 === "function") {
        calculatedTotalSizeCallback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (this.ended) return;
      this.ended = true;
      if (this.errored) return;
      this.calculatedTotalSizeCallback = calculatedTotalSizeCallback;
      this.forceZip64Eocd = !!options2.forceZip64Format;
      if (options2.comment) {
        if (typeof options2.comment === "string") {
          this.comment = encodeCp437(options2.comment);
        } else {
          this.comment = options2.comment;
        }
        if (this.comment.length > 65535) throw new Error("comment is too large");
        if (bufferIncludes(this.comment, eocdrSignatureBuffer)) throw new Error("comment contains end of central directory record signature");
      } else {
        this.comment = EMPTY_BUFFER;
      }
      pumpEntries(this);
    };
    function writeToOutputStream(self, buffer) {
      self.outputStream.write(buffer);
      self.outputStreamCursor += buffer.length;
    }
    function pumpFileDataReadStream(self, entry, readStream) {
      var crc32Watcher = new Crc32Watcher();
      var uncompressedSizeCounter = new ByteCounter();
      var compressor = entry.compressionLevel !== 0 ? new zlib2.DeflateRaw({ level: entry.compressionLevel }) : new PassThrough3();
      var compressedSizeCounter = new ByteCounter();
      readStream.pipe(crc32Watcher).pipe(uncompressedSizeCounter).pipe(compressor).pipe(compressedSizeCounter).pipe(self.outputStream, { end: false });
      compressedSizeCounter.on("end", function() {
        entry.crc32 = crc32Watcher.crc32;
        if (entry.uncompressedSize == null) {
          entry.uncompressedSize = uncompressedSizeCounter.byteCount;
        } else {
          if (entry.uncompressedSize !== uncompressedSizeCounter.byteCount) return self.emit("error", new Error("file data stream has unexpected number of bytes"));
        }
        entry.compressedSize = compressedSizeCounter.byteCount;
        self.outputStreamCursor += entry.compressedSize;
        writeToOutputStream(self, entry.getDataDescriptor());
        entry.state = Entry.FILE_DATA_DONE;
        pumpEntries(self);
      });
    }
    function determineCompressionLevel(options2) {
      if (options2.compress != null && options2.compressionLevel != null) {
        if (!!options2.compress !== !!options2.compressionLevel) throw new Error("conflicting settings for compress and compressionLevel");
      }
      if (options2.compressionLevel != null) return options2.compressionLevel;
      if (options2.compress === false) return 0;
      return 6;
    }
    function pumpEntries(self) {
      if (self.allDone || self.errored) return;
      if (self.ended && self.calculatedTotalSizeCallback != null) {
        var calculatedTotalSize = calculateTotalSize(self);
        if (calculatedTotalSize != null) {
          self.calculatedTotalSizeCallback(calculatedTotalSize);
          self.calculatedTotalSizeCallback = null;
        }
      }
      var entry = getFirstNotDoneEntry();
      function getFirstNotDoneEntry() {
        for (var i = 0; i < self.entries.length; i++) {
          var entry2 = self.entries[i];
          if (entry2.state < Entry.FILE_DATA_DONE) return entry2;
        }
        return null;
      }
      if (entry != null) {
        if (entry.state < Entry.READY_TO_PUMP_FILE_DATA) return;
        if (entry.state === Entry.FILE_DATA_IN_PROGRESS) return;
        entry.relativeOffsetOfLocalHeader = self.outputStreamCursor;
        var localFileHeader = entry.getLocalFileHeader();
        writeToOutputStream(self, localFileHeader);
        entry.doFileDataPump();
      } else {
        if (self.ended) {
          self.offsetOfStartOfCentralDirectory = self.outputStreamCursor;
          self.entries.forEach(function(entry2) {
            var centralDirectoryRecord = entry2.getCentralDirectoryRecord();
            writeToOutputStream(self, centralDirectoryRecord);
          });
          writeToOutputStream(self, getEndOfCentralDirectoryRecord(self));
          self.outputStream.end();
          self.allDone = true;
        }
      }
    }
    function calculateTotalSize(self) {
      var pretendOutputCursor = 0;
      var centralDirectorySize = 0;
      for (var i = 0; i < self.entries.length; i++) {
        var entry = self.entries[i];
        if (entry.compressionLevel !== 0) return -1;
        if (entry.state >= Entry.READY_TO_PUMP_FILE_DATA) {
          if (entry.uncompressedSize == null) return -1;
        } else {
          if (entry.uncompressedSize == null) return null;
        }
        entry.relativeOffsetOfLocalHeader = pretendOutputCursor;
        var useZip64Format = entry.useZip64Format();
        pretendOutputCursor += LOCAL_FILE_HEADER_FIXED_SIZE + entry.utf8FileName.length;
        pretendOutputCursor += entry.uncompressedSize;
        if (!entry.crcAndFileSizeKnown) {
          if (useZip64Format) {
            pretendOutputCursor += ZIP64_DATA_DESCRIPTOR_SIZE;
          } else {
            pretendOutputCursor += DATA_DESCRIPTOR_SIZE;
          }
        }
        centralDirectorySize += CENTRAL_DIRECTORY_RECORD_FIXED_SIZE + entry.utf8FileName.length + entry.fileComment.length;
        if (!entry.forceDosTimestamp) {
          centralDirectorySize += INFO_ZIP_UNIVERSAL_TIMESTAMP_EXTRA_FIELD_SIZE;
        }
        if (useZip64Format) {
          centralDirectorySize += ZIP64_EXTENDED_INFORMATION_EXTRA_FIELD_SIZE;
        }
      }
      var endOfCentralDirectorySize = 0;
      if (self.forceZip64Eocd || self.entries.length >= 65535 || centralDirectorySize >= 65535 || pretendOutputCursor >= 4294967295) {
        endOfCentralDirectorySize += ZIP64_END_OF_CENTRAL_DIRECTORY_RECORD_SIZE + ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIZE;
      }
      endOfCentralDirectorySize += END_OF_CENTRAL_DIRECTORY_RECORD_SIZE + self.comment.length;
      return pretendOutputCursor + centralDirectorySize + endOfCentralDirectorySize;
    }
    function shouldIgnoreAdding(self) {
      if (self.ended) throw new Error("cannot add entries after calling end()");
      if (self.errored) return true;
      return false;
    }
    var ZIP64_END_OF_CENTRAL_DIRECTORY_RECORD_SIZE = 56;
    var ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIZE = 20;
    var END_OF_CENTRAL_DIRECTORY_RECORD_SIZE = 22;
    function getEndOfCentralDirectoryRecord(self, actuallyJustTellMeHowLongItWouldBe) {
      var needZip64Format = false;
      var normalEntriesLength = self.entries.length;
      if (self.forceZip64Eocd || self.entries.length >= 65535) {
        normalEntriesLength = 65535;
        needZip64Format = true;
      }
      var sizeOfCentralDirectory = self.outputStreamCursor - self.offsetOfStartOfCentralDirectory;
      var normalSizeOfCentralDirectory = sizeOfCentralDirectory;
      if (self.forceZip64Eocd || sizeOfCentralDirectory >= 4294967295) {
        normalSizeOfCentralDirectory = 4294967295;
        needZip64Format = true;
      }
      var normalOffsetOfStartOfCentralDirectory = self.offsetOfStartOfCentralDirectory;
      if (self.forceZip64Eocd || self.offsetOfStartOfCentralDirectory >= 4294967295) {
        normalOffsetOfStartOfCentralDirectory = 4294967295;
        needZip64Format = true;
      }
      if (actuallyJustTellMeHowLongItWouldBe) {
        if (needZip64Format) {
          return ZIP64_END_OF_CENTRAL_DIRECTORY_RECORD_SIZE + ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIZE + END_OF_CENTRAL_DIRECTORY_RECORD_SIZE;
        } else {
          return END_OF_CENTRAL_DIRECTORY_RECORD_SIZE;
        }
      }
      var eocdrBuffer = bufferAlloc(END_OF_CENTRAL_DIRECTORY_RECORD_SIZE + self.comment.length);
      eocdrBuffer.writeUInt32LE(101010256, 0);
      eocdrBuffer.writeUInt16LE(0, 4);
      eocdrBuffer.writeUInt16LE(0, 6);
      eocdrBuffer.writeUInt16LE(normalEntriesLength, 8);
      eocdrBuffer.writeUInt16LE(normalEntriesLength, 10);
      eocdrBuffer.writeUInt32LE(normalSizeOfCentralDirectory, 12);
      eocdrBuffer.writeUInt32LE(normalOffsetOfStartOfCentralDirectory, 16);
      eocdrBuffer.writeUInt16LE(self.comment.length, 20);
      self.comment.copy(eocdrBuffer, 22);
      if (!needZip64Format) return eocdrBuffer;
      var zip64EocdrBuffer = bufferAlloc(ZIP64_END_OF_CENTRAL_DIRECTORY_RECORD_SIZE);
      zip64EocdrBuffer.writeUInt32LE(101075792, 0);
      writeUInt64LE(zip64EocdrBuffer, ZIP64_END_OF_CENTRAL_DIRECTORY_RECORD_SIZE - 12, 4);
      zip64EocdrBuffer.writeUInt16LE(VERSION_MADE_BY, 12);
      zip64EocdrBuffer.writeUInt16LE(VERSION_NEEDED_TO_EXTRACT_ZIP64, 14);
      zip64EocdrBuffer.writeUInt32LE(0, 16);
      zip64EocdrBuffer.writeUInt32LE(0, 20);
      writeUInt64LE(zip64EocdrBuffer, self.entries.length, 24);
      writeUInt64LE(zip64EocdrBuffer, self.entries.length, 32);
      writeUInt64LE(zip64EocdrBuffer, sizeOfCentralDirectory, 40);
      writeUInt64LE(zip64EocdrBuffer, self.offsetOfStartOfCentralDirectory, 48);
      var zip64EocdlBuffer = bufferAlloc(ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIZE);
      zip64EocdlBuffer.writeUInt32LE(117853008, 0);
      zip64EocdlBuffer.writeUInt32LE(0, 4);
      writeUInt64LE(zip64EocdlBuffer, self.outputStreamCursor, 8);
      zip64EocdlBuffer.writeUInt32LE(1, 16);
      return Buffer.concat([
        zip64EocdrBuffer,
        zip64EocdlBuffer,
        eocdrBuffer
      ]);
    }
    function validateMetadataPath(metadataPath, isDirectory) {
      if (metadataPath === "") throw new Error("empty metadataPath");
      metadataPath = metadataPath.replace(/\\/g, "/");
      if (/^[a-zA-Z]:/.test(metadataPath) || /^\//.test(metadataPath)) throw new Error("absolute path: " + metadataPath);
      if (metadataPath.split("/").indexOf("..") !== -1) throw new Error("invalid relative path: " + metadataPath);
      var looksLikeDirectory = /\/$/.test(metadataPath);
      if (isDirectory) {
        if (!looksLikeDirectory) metadataPath += "/";
      } else {
        if (looksLikeDirectory) throw new Error("file path cannot end with '/': " + metadataPath);
      }
      return metadataPath;
    }
    var EMPTY_BUFFER = bufferAlloc(0);
    function Entry(metadataPath, isDirectory, options2) {
      this.utf8FileName = bufferFrom(metadataPath);
      if (this.utf8FileName.length > 65535) throw new Error("utf8 file name too long. " + utf8FileName.length + " > 65535");
      this.isDirectory = isDirectory;
      this.state = Entry.WAITING_FOR_METADATA;
      this.setLastModDate(options2.mtime != null ? options2.mtime : /* @__PURE__ */ new Date());
      this.forceDosTimestamp = !!options2.forceDosTimestamp;
      if (options2.mode != null) {
        this.setFileAttributesMode(options2.mode);
      } else {
        this.setFileAttributesMode(isDirectory ? 16893 : 33204);
      }
      if (isDirectory) {
        this.crcAndFileSizeKnown = true;
        this.crc32 = 0;
        this.uncompressedSize = 0;
        this.compressedSize = 0;
      } else {
        this.crcAndFileSizeKnown = false;
        this.crc32 = null;
        this.uncompressedSize = null;
        this.compressedSize = null;
        if (options2.size != null) this.uncompressedSize = options2.size;
      }
      if (isDirectory) {
        this.compressionLevel = 0;
      } else {
        this.compressionLevel = determineCompressionLevel(options2);
      }
      this.forceZip64Format = !!options2.forceZip64Format;
      if (options2.fileComment) {
        if (typeof options2.fileComment === "string") {
          this.fileComment = bufferFrom(options2.fileComment, "utf-8");
        } else {
          this.fileComment = options2.fileComment;
        }
        if (this.fileComment.length > 65535) throw new Error("fileComment is too large");
      } else {
        this.fileComment = EMPTY_BUFFER;
      }
    }
    Entry.WAITING_FOR_METADATA = 0;
    Entry.READY_TO_PUMP_FILE_DATA = 1;
    Entry.FILE_DATA_IN_PROGRESS = 2;
    Entry.FILE_DATA_DONE = 3;
    Entry.prototype.setLastModDate = function(date) {
      this.mtime = date;
      var dosDateTime = dateToDosDateTime(date);
      this.lastModFileTime = dosDateTime.time;
      this.lastModFileDate = dosDateTime.date;
    };
    Entry.prototype.setFileAttributesMode = function(mode) {
      if ((mode & 65535) !== mode) throw new Error("invalid mode. expected: 0 <= " + mode + " <= 65535");
      this.externalFileAttributes = mode << 16 >>> 0;
    };
    Entry.prototype.setFileDataPumpFunction = function(doFileDataPump) {
      this.doFileDataPump = doFileDataPump;
      this.state = Entry.READY_TO_PUMP_FILE_DATA;
    };
    Entry.prototype.useZip64Format = function() {
      return this.forceZip64Format || this.uncompressedSize != null && this.uncompressedSize > 4294967294 || this.compressedSize != null && this.compressedSize > 4294967294 || this.relativeOffsetOfLocalHeader != null && this.relativeOffsetOfLocalHeader > 4294967294;
    };
    var LOCAL_FILE_HEADER_FIXED_SIZE = 30;
    var VERSION_NEEDED_TO_EXTRACT_UTF8 = 20;
    var VERSION_NEEDED_TO_EXTRACT_ZIP64 = 45;
    var VERSION_MADE_BY = 3 << 8 | 63;
    var FILE_NAME_IS_UTF8 = 1 << 11;
    var UNKNOWN_CRC32_AND_FILE_SIZES = 1 << 3;
    Entry.prototype.getLocalFileHeader = function() {
      var crc324 = 0;
      var compressedSize = 0;
      var uncompressedSize = 0;
      if (this.crcAndFileSizeKnown) {
        crc324 = this.crc32;
        compressedSize = this.compressedSize;
        uncompressedSize = this.uncompressedSize;
      }
      var fixedSizeStuff = bufferAlloc(LOCAL_FILE_HEADER_FIXED_SIZE);
      var generalPurposeBitFlag = FILE_NAME_IS_UTF8;
      if (!this.crcAndFileSizeKnown) generalPurposeBitFlag |= UNKNOWN_CRC32_AND_FILE_SIZES;
      fixedSizeStuff.writeUInt32LE(67324752, 0);
      fixedSizeStuff.writeUInt16LE(VERSION_NEEDED_TO_EXTRACT_UTF8, 4);
      fixedSizeStuff.writeUInt16LE(generalPurposeBitFlag, 6);
      fixedSizeStuff.writeUInt16LE(this.getCompressionMethod(), 8);
      fixedSizeStuff.writeUInt16LE(this.lastModFileTime, 10);
      fixedSizeStuff.writeUInt16LE(this.lastModFileDate, 12);
      fixedSizeStuff.writeUInt32LE(crc324, 14);
      fixedSizeStuff.writeUInt32LE(compressedSize, 18);
      fixedSizeStuff.writeUInt32LE(uncompressedSize, 22);
      fixedSizeStuff.writeUInt16LE(this.utf8FileName.length, 26);
      fixedSizeStuff.writeUInt16LE(0, 28);
      return Buffer.concat([
        fixedSizeStuff,
        // file name (variable size)
        this.utf8FileName
        // extra field (variable size)
        // no extra fields
      ]);
    };
    var DATA_DESCRIPTOR_SIZE = 16;
    var ZIP64_DATA_DESCRIPTOR_SIZE = 24;
    Entry.prototype.getDataDescriptor = function() {
      if (this.crcAndFileSizeKnown) {
        return EMPTY_BUFFER;
      }
      if (!this.useZip64Format()) {
        var buffer = bufferAlloc(DATA_DESCRIPTOR_SIZE);
        buffer.writeUInt32LE(134695760, 0);
        buffer.writeUInt32LE(this.crc32, 4);
        buffer.writeUInt32LE(this.compressedSize, 8);
        buffer.writeUInt32LE(this.uncompressedSize, 12);
        return buffer;
      } else {
        var buffer = bufferAlloc(ZIP64_DATA_DESCRIPTOR_SIZE);
        buffer.writeUInt32LE(134695760, 0);
        buffer.writeUInt32LE(this.crc32, 4);
        writeUInt64LE(buffer, this.compressedSize, 8);
        writeUInt64LE(buffer, this.uncompressedSize, 16);
        return buffer;
      }
    };
    var CENTRAL_DIRECTORY_RECORD_FIXED_SIZE = 46;
    var INFO_ZIP_UNIVERSAL_TIMESTAMP_EXTRA_FIELD_SIZE = 9;
    var ZIP64_EXTENDED_INFORMATION_EXTRA_FIELD_SIZE = 28;
    Entry.prototype.getCentralDirectoryRecord = function() {
      var fixedSizeStuff = bufferAlloc(CENTRAL_DIRECTORY_RECORD_FIXED_SIZE);
      var generalPurposeBitFlag = FILE_NAME_IS_UTF8;
      if (!this.crcAndFileSizeKnown) generalPurposeBitFlag |= UNKNOWN_CRC32_AND_FILE_SIZES;
      var izutefBuffer = EMPTY_BUFFER;
      if (!this.forceDosTimestamp) {
        izutefBuffer = bufferAlloc(INFO_ZIP_UNIVERSAL_TIMESTAMP_EXTRA_FIELD_SIZE);
        izutefBuffer.writeUInt16LE(21589, 0);
        izutefBuffer.writeUInt16LE(INFO_ZIP_UNIVERSAL_TIMESTAMP_EXTRA_FIELD_SIZE - 4, 2);
        var EB_UT_FL_MTIME = 1 << 0;
        var EB_UT_FL_ATIME = 1 << 1;
        izutefBuffer.writeUInt8(EB_UT_FL_MTIME | EB_UT_FL_ATIME, 4);
        var timestamp2 = Math.floor(this.mtime.getTime() / 1e3);
        if (timestamp2 < -2147483648) timestamp2 = -2147483648;
        if (timestamp2 > 2147483647) timestamp2 = 2147483647;
        izutefBuffer.writeUInt32LE(timestamp2, 5);
      }
      var normalCompressedSize = this.compressedSize;
      var normalUncompressedSize = this.uncompressedSize;
      var normalRelativeOffsetOfLocalHeader = this.relativeOffsetOfLocalHeader;
      var versionNeededToExtract = VERSION_NEEDED_TO_EXTRACT_UTF8;
      var zeiefBuffer = EMPTY_BUFFER;
      if (this.useZip64Format()) {
        normalCompressedSize = 4294967295;
        normalUncompressedSize = 4294967295;
        normalRelativeOffsetOfLocalHeader = 4294967295;
        versionNeededToExtract = VERSION_NEEDED_TO_EXTRACT_ZIP64;
        zeiefBuffer = bufferAlloc(ZIP64_EXTENDED_INFORMATION_EXTRA_FIELD_SIZE);
        zeiefBuffer.writeUInt16LE(1, 0);
        zeiefBuffer.writeUInt16LE(ZIP64_EXTENDED_INFORMATION_EXTRA_FIELD_SIZE - 4, 2);
        writeUInt64LE(zeiefBuffer, this.uncompressedSize, 4);
        writeUInt64LE(zeiefBuffer, this.compressedSize, 12);
        writeUInt64LE(zeiefBuffer, this.relativeOffsetOfLocalHeader, 20);
      }
      fixedSizeStuff.writeUInt32LE(33639248, 0);
      fixedSizeStuff.writeUInt16LE(VERSION_MADE_BY, 4);
      fixedSizeStuff.writeUInt16LE(versionNeededToExtract, 6);
      fixedSizeStuff.writeUInt16LE(generalPurposeBitFlag, 8);
      fixedSizeStuff.writeUInt16LE(this.getCompressionMethod(), 10);
      fixedSizeStuff.writeUInt16LE(this.lastModFileTime, 12);
      fixedSizeStuff.writeUInt16LE(this.lastModFileDate, 14);
      fixedSizeStuff.writeUInt32LE(this.crc32, 16);
      fixedSizeStuff.writeUInt32LE(normalCompressedSize, 20);
      fixedSizeStuff.writeUInt32LE(normalUncompressedSize, 24);
      fixedSizeStuff.writeUInt16LE(this.utf8FileName.length, 28);
      fixedSizeStuff.writeUInt16LE(izutefBuffer.length + zeiefBuffer.length, 30);
      fixedSizeStuff.writeUInt16LE(this.fileComment.length, 32);
      fixedSizeStuff.writeUInt16LE(0, 34);
      fixedSizeStuff.writeUInt16LE(0, 36);
      fixedSizeStuff.writeUInt32LE(this.externalFileAttributes, 38);
      fixedSizeStuff.writeUInt32LE(normalRelativeOffsetOfLocalHeader, 42);
      return Buffer.concat([
        fixedSizeStuff,
        // file name (variable size)
        this.utf8FileName,
        // extra field (variable size)
        izutefBuffer,
        zeiefBuffer,
        // file comment (variable size)
        this.fileComment
      ]);
    };
    Entry.prototype.getCompressionMethod = function() {
      var NO_COMPRESSION = 0;
      var DEFLATE_COMPRESSION = 8;
      return this.compressionLevel === 0 ? NO_COMPRESSION : DEFLATE_COMPRESSION;
    };
    var minDosDate = new Date(1980, 0, 1);
    var maxDosDate = new Date(2107, 11, 31, 23, 59, 58);
    function dateToDosDateTime(jsDate) {
      if (jsDate < minDosDate) jsDate = minDosDate;
      else if (jsDate > maxDosDate) jsDate = maxDosDate;
      var date = 0;
      date |= jsDate.getDate() & 31;
      date |= (jsDate.getMonth() + 1 & 15) << 5;
      date |= (jsDate.getFullYear() - 1980 & 127) << 9;
      var time = 0;
      time |= Math.floor(jsDate.getSeconds() / 2);
      time |= (jsDate.getMinutes() & 63) << 5;
      time |= (jsDate.getHours() & 31) << 11;
      return { date, time };
    }
    function writeUInt64LE(buffer, n, offset) {
      var high = Math.floor(n / 4294967296);
      var low = n % 4294967296;
      buffer.writeUInt32LE(low, offset);
      buffer.writeUInt32LE(high, offset + 4);
    }
    util.inherits(ByteCounter, Transform4);
    function ByteCounter(options2) {
      Transform4.call(this, options2);
      this.byteCount = 0;
    }
    ByteCounter.prototype._transform = function(chunk, encoding, cb) {
      this.byteCount += chunk.length;
      cb(null, chunk);
    };
    util.inherits(Crc32Watcher, Transform4);
    function Crc32Watcher(options2) {
      Transform4.call(this, options2);
      this.crc32 = 0;
    }
    Crc32Watcher.prototype._transform = function(chunk, encoding, cb) {
      this.crc32 = crc323.unsigned(chunk, this.crc32);
      cb(null, chunk);
    };
    var cp437 = "\0\u263A\u263B\u2665\u2666\u2663\u2660\u2022\u25D8\u25CB\u25D9\u2642\u2640\u266A\u266B\u263C\u25BA\u25C4\u2195\u203C\xB6\xA7\u25AC\u21A8\u2191\u2193\u2192\u2190\u221F\u2194\u25B2\u25BC !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u2302\xC7\xFC\xE9\xE2\xE4\xE0\xE5\xE7\xEA\xEB\xE8\xEF\xEE\xEC\xC4\xC5\xC9\xE6\xC6\xF4\xF6\xF2\xFB\xF9\xFF\xD6\xDC\xA2\xA3\xA5\u20A7\u0192\xE1\xED\xF3\xFA\xF1\xD1\xAA\xBA\xBF\u2310\xAC\xBD\xBC\xA1\xAB\xBB\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580\u03B1\xDF\u0393\u03C0\u03A3\u03C3\xB5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229\u2261\xB1\u2265\u2264\u2320\u2321\xF7\u2248\xB0\u2219\xB7\u221A\u207F\xB2\u25A0\xA0";
    if (cp437.length !== 256) throw new Error("assertion failure");
    var reverseCp437 = null;
    function encodeCp437(string) {
      if (/^[\x20-\x7e]*$/.test(string)) {
        return bufferFrom(string, "utf-8");
      }
      if (reverseCp437 == null) {
        reverseCp437 = {};
        for (var i = 0; i < cp437.length; i++) {
          reverseCp437[cp437[i]] = i;
        }
      }
      var result2 = bufferAlloc(string.length);
      for (var i = 0; i < string.length; i++) {
        var b = reverseCp437[string[i]];
        if (b == null) throw new Error("character not encodable in CP437: " + JSON.stringify(string[i]));
        result2[i] = b;
      }
      return result2;
    }
    function bufferAlloc(size) {
      bufferAlloc = modern;
      try {
        return bufferAlloc(size);
      } catch (e) {
        bufferAlloc = legacy;
        return bufferAlloc(size);
      }
      function modern(size2) {
        return Buffer.allocUnsafe(size2);
      }
      function legacy(size2) {
        return new Buffer(size2);
      }
    }
    function bufferFrom(something, encoding) {
      bufferFrom = modern;
      try {
        return bufferFrom(something, encoding);
      } catch (e) {
        bufferFrom = legacy;
        return bufferFrom(something, encoding);
      }
      function modern(something2, encoding2) {
        return Buffer.from(something2, encoding2);
      }
      function legacy(something2, encoding2) {
        return new Buffer(something2, encoding2);
      }
    }
    function bufferIncludes(buffer, content) {
      bufferIncludes = modern;
      try {
        return bufferIncludes(buffer, content);
      } catch (e) {
        bufferIncludes = legacy;
        return bufferIncludes(buffer, content);
      }
      function modern(buffer2, content2) {
        return buffer2.includes(content2);
      }
      function legacy(buffer2, content2) {
        for (var i = 0; i <= buffer2.length - content2.length; i++) {
          for (var j = 0; ; j++) {
            if (j === content2.length) return true;
            if (buffer2[i + j] !== content2[j]) break;
          }
        }
        return false;
      }
    }
  }
});

// src/modzip/create.ts
import { Readable, Transform as Transform2 } from "node:stream";
function toError(e) {
  return e instanceof Error ? e : new Error(errorMessage(e));
}
async function readSource(f) {
  const src = await f.open();
  if (src instanceof Uint8Array) return Buffer.from(src);
  const chunks = [];
  for await (const chunk of toReadable(src)) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}
function toReadable(src) {
  if (src instanceof Uint8Array) return Readable.from([Buffer.from(src)]);
  if (src instanceof Readable) return src;
  return new Readable().wrap(src);
}
async function rootGoModData(files2) {
  const f = rootGoModFile(files2);
  if (f === void 0) return void 0;
  try {
    return await readSource(f);
  } catch {
    return void 0;
  }
}
async function createZip(out, m, files2) {
  try {
    await createInner(out, m, files2);
  } catch (e) {
    throw new ModZipError("create zip", toError(e));
  }
}
async function createInner(out, m, files2) {
  let started = false;
  try {
    const pre = checkModuleVersion(m);
    if (pre !== void 0) throw pre;
    const { checked: checked2, validFiles } = classifyFiles(files2, await rootGoModData(files2));
    const err = checkedFilesError(checked2);
    if (err !== void 0) throw err;
    started = true;
    await writeZip(out, `${m.path}@${m.version}/`, validFiles);
  } finally {
    if (!started) out.end();
  }
}
function writeZip(out, prefix, files2) {
  return new Promise((resolve, reject) => {
    const zip = new import_yazl.default.ZipFile();
    let failed2 = false;
    const fail = (e) => {
      if (failed2) return;
      failed2 = true;
      const output = zip.outputStream;
      output.unpipe(out);
      output.destroy();
      out.end();
      reject(toError(e));
    };
    zip.on("error", fail);
    out.on("error", fail);
    out.on("finish", () => {
      if (!failed2) resolve();
    });
    zip.outputStream.pipe(out);
    try {
      for (const f of files2) {
        zip.addReadStreamLazy(
          prefix + f.path,
          { mtime: FIXED_MTIME, mode: FILE_MODE, forceDosTimestamp: true, compress: true },
          (cb) => {
            f.open().then(
              (src) => {
                const readable = toReadable(src);
                const limit = new DeclaredSizeLimit(f.size, f.path);
                readable.on("error", (e) => limit.destroy(toError(e)));
                limit.on("error", fail);
                readable.pipe(limit);
                cb(null, limit);
              },
              (e) => fail(e)
            );
          }
        );
      }
      zip.end();
    } catch (e) {
      fail(e);
    }
  });
}
var import_yazl, FIXED_MTIME, FILE_MODE, DeclaredSizeLimit;
var init_create = __esm({
  "src/modzip/create.ts"() {
    "use strict";
    import_yazl = __toESM(require_yazl(), 1);
    init_go_quote();
    init_errors();
    init_check_files();
    init_types();
    FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
    FILE_MODE = 33188;
    DeclaredSizeLimit = class extends Transform2 {
      constructor(size, path17) {
        super();
        this.size = size;
        this.path = path17;
      }
      size;
      path;
      count = 0;
      _transform(chunk, _enc, cb) {
        const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        this.count += buf.length;
        if (this.count > this.size) {
          cb(new Error(`file ${goQuote(this.path)} is larger than declared size`));
          return;
        }
        cb(null, buf);
      }
    };
  }
});

// src/modzip/dir.ts
var init_dir = __esm({
  "src/modzip/dir.ts"() {
    "use strict";
    init_go_string();
    init_hash_dir();
    init_zip_reader();
    init_check_files();
    init_create();
    init_types();
  }
});

// src/modzip/read.ts
function zipPrefix(m) {
  return `${m.path}@${m.version}/`;
}
function zipTooLargeError(size) {
  return new Error(`module zip file is too large (${size} bytes; limit is ${MAX_ZIP_FILE2} bytes)`);
}
function checkZipEntries(m, entries) {
  const cf = { valid: [], omitted: [], invalid: [] };
  const prefix = zipPrefix(m);
  const collisions = new CollisionChecker();
  let total = 0;
  for (const zf of entries) {
    const addError = (reason2) => {
      cf.invalid.push({ path: zf.name, reason: reason2 });
    };
    if (!zf.name.startsWith(prefix)) {
      addError(`path does not have prefix ${goQuote(prefix)}`);
      continue;
    }
    let name = zf.name.slice(prefix.length);
    if (name === "") continue;
    const isDir = name.endsWith("/");
    if (isDir) name = name.slice(0, -1);
    if (cleanSlashPath(name) !== name) {
      addError(reasons.pathNotClean);
      continue;
    }
    const pathErr = checkFilePath(name);
    if (pathErr !== void 0) {
      addError(pathErr.message);
      continue;
    }
    const collision = collisions.check(name, isDir);
    if (collision !== void 0) {
      addError(collision);
      continue;
    }
    if (isDir) continue;
    const base = name.slice(name.lastIndexOf("/") + 1);
    if (equalFold(base, "go.mod")) {
      if (base !== name) {
        addError("go.mod file not in module root directory");
        continue;
      }
      if (name !== "go.mod") {
        addError(reasons.goModCase);
        continue;
      }
    }
    const sz = zf.uncompressedSize;
    if (sz >= 0 && MAX_ZIP_FILE2 - total >= sz) {
      total += sz;
    } else if (cf.sizeError === void 0) {
      cf.sizeError = new Error(
        `total uncompressed size of module contents too large (max size is ${MAX_ZIP_FILE2} bytes)`
      );
    }
    if (name === "go.mod" && sz > MAX_GO_MOD) {
      addError(`go.mod file too large (max size is ${MAX_GO_MOD} bytes)`);
      continue;
    }
    if (name === "LICENSE" && sz > MAX_LICENSE) {
      addError(`LICENSE file too large (max size is ${MAX_LICENSE} bytes)`);
      continue;
    }
    cf.valid.push(zf.name);
  }
  return cf;
}
function openModuleZip(zipPath) {
  return openZip(zipPath);
}
async function checkOpened(m, zip) {
  if (zip.size > MAX_ZIP_FILE2) {
    return { valid: [], omitted: [], invalid: [], sizeError: zipTooLargeError(zip.size) };
  }
  return Promise.resolve(checkZipEntries(m, zip.entries));
}
async function hashZipContent(m, zipPath) {
  const pre = checkModuleVersion(m);
  if (pre !== void 0) throw pre;
  const zip = await openZip(zipPath);
  try {
    const checked2 = await checkOpened(m, zip);
    const hash = await hashOpenedZip(zip);
    const error = checkedFilesError(checked2);
    return error === void 0 ? { hash, checked: checked2 } : { hash, checked: checked2, error };
  } finally {
    zip.close();
  }
}
var init_read = __esm({
  "src/modzip/read.ts"() {
    "use strict";
    init_module();
    init_go_quote();
    init_fold();
    init_go_string();
    init_hash_dir();
    init_hash_zip();
    init_zip_reader();
    init_check_files();
    init_types();
  }
});

// src/modzip/index.ts
var init_modzip = __esm({
  "src/modzip/index.ts"() {
    "use strict";
    init_types();
    init_check_files();
    init_create();
    init_dir();
    init_read();
  }
});

// src/modfetch/build-module.ts
function infoTime(unixSeconds) {
  return new Date(unixSeconds * 1e3).toISOString().replace(".000Z", "Z");
}
function goSumLines(m) {
  const lines = [];
  if (m.sum !== void 0) lines.push(`${m.modulePath} ${m.version} ${m.sum}`);
  if (m.goModSum !== void 0) lines.push(`${m.modulePath} ${m.version}/go.mod ${m.goModSum}`);
  return lines;
}
async function resolveVersion(repo, query) {
  if (query !== "latest") return repo.stat(query);
  const versions = await repo.versions("");
  const retracted2 = await retractedOf(repo, versions);
  const allowed = versions.filter((v) => !retracted2(v));
  const release = allowed.filter((v) => prerelease(v) === "").at(-1);
  const pick2 = release ?? allowed.at(-1);
  if (pick2 !== void 0) return repo.stat(pick2);
  return repo.latest();
}
async function retractedOf(repo, versions) {
  try {
    return await repo.retractions(versions);
  } catch {
    return () => false;
  }
}
async function buildModule(code, req) {
  const out = { modulePath: req.modulePath, version: req.query };
  const pathErr = checkPath(req.modulePath);
  if (pathErr !== void 0) return failed(out, pathErr);
  let repo;
  try {
    repo = new CodeRepo(code, req.codeRoot, req.modulePath);
  } catch (e) {
    return failed(out, e);
  }
  let version;
  try {
    const r = await resolveVersion(repo, req.query);
    version = r.version;
    Object.assign(out, { version, commit: r.name, time: infoTime(r.time) });
  } catch (e) {
    return failed(out, e);
  }
  try {
    out.goMod = await repo.goMod(version);
    out.goModSum = hashGoMod(out.goMod);
  } catch (e) {
    return failed(out, e);
  }
  try {
    const listing = await repo.zipFiles(version);
    out.dir = listing.dir;
    const zipErr = checkModuleVersion({ path: req.modulePath, version });
    if (zipErr !== void 0) throw new ModZipError("create zip", zipErr);
    const sources = listing.files.map(toSource);
    const checked2 = checkFiles(sources, listing.goMod);
    const byPath = new Map(listing.files.map((f) => [f.path, f]));
    const kept = checked2.valid.map((p) => byPath.get(p));
    out.files = {
      kept: kept.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256.toString("hex") })),
      omitted: checked2.omitted.map((f) => ({ path: f.path, reason: f.reason })),
      invalid: checked2.invalid.map((f) => ({ path: f.path, reason: f.reason }))
    };
    const err = checkedFilesError(checked2);
    if (err !== void 0) throw new ModZipError("create zip", err);
    const prefix = `${req.modulePath}@${version}/`;
    out.sum = hash1(kept.map((f) => ({ name: prefix + f.path, sha256: f.sha256 })));
  } catch (e) {
    return failed(out, e);
  }
  return out;
}
function failed(out, e) {
  out.error = errorMessage(e);
  out.errorKind = e instanceof ModZipError && e.verb === "create zip" ? "zip" : "version";
  return out;
}
function toSource(f) {
  return {
    path: f.path,
    kind: f.kind,
    size: f.size,
    open: () => Promise.reject(new Error("content is not kept in the hashing pass"))
  };
}
var init_build_module = __esm({
  "src/modfetch/build-module.ts"() {
    "use strict";
    init_dirhash();
    init_errors();
    init_module();
    init_modzip();
    init_semver2();
    init_code_repo();
  }
});

// src/modfetch/git-code-host.ts
function gitCodeHost(repo, options2 = {}) {
  const statCache = /* @__PURE__ */ new Map();
  let refsCache;
  const refs = () => {
    refsCache ??= Promise.all([repo.refs(), repo.nonCommitTags()]).then(([r, other]) => {
      if (options2.pretendTags === void 0) return { ...r, otherTags: other };
      const tags = new Map(r.tags);
      const otherTags = new Map(other);
      for (const [t, c] of options2.pretendTags) {
        tags.set(t, c);
        otherTags.delete(t);
      }
      return { ...r, tags, otherTags };
    });
    return refsCache;
  };
  async function tagsAt(hash) {
    const { tags } = await refs();
    return [...tags].filter(([, c]) => c === hash).map(([t]) => t).sort(compareGoStrings);
  }
  async function info(hash, version) {
    const c = await repo.commit(hash);
    const tags = await tagsAt(c.hash);
    return {
      name: c.hash,
      short: c.hash.slice(0, 12),
      time: c.time,
      tags,
      version: tags.includes(version) ? version : c.hash
    };
  }
  async function statUncached(rev) {
    const { tags, heads, head, otherTags } = await refs();
    const tag = tags.get(rev);
    if (tag !== void 0) return info(tag, rev);
    if (otherTags.has(rev)) throw new Error('unexpected response from git log: ""');
    const branch = heads.get(rev);
    if (branch !== void 0) return info(branch, rev);
    if (rev === "HEAD" && head !== void 0) return info(head, rev);
    if (rev.length >= MIN_HASH_DIGITS && rev.length <= 40 && allHex(rev)) {
      const h = await repo.resolveHash(rev);
      if (h !== void 0) return info(h, rev);
    }
    throw new UnknownRevisionError(rev);
  }
  const host = {
    stat(rev) {
      let p = statCache.get(rev);
      if (p === void 0) {
        p = statUncached(rev);
        statCache.set(rev, p);
      }
      return p;
    },
    async latest() {
      const { head } = await refs();
      if (head === void 0) throw new Error("no commits");
      return info(head, head);
    },
    async tags(prefix) {
      const { tags, otherTags } = await refs();
      return [...tags.keys(), ...otherTags.keys()].filter((t) => t.startsWith(prefix)).sort(compareGoStrings);
    },
    async readFile(rev, file) {
      let hash;
      try {
        hash = (await host.stat(rev)).name;
      } catch (e) {
        if (e instanceof UnknownRevisionError) return void 0;
        throw e;
      }
      return repo.readBlob(hash, file);
    },
    async descendsFrom(rev, tag) {
      const { tags } = await refs();
      const t = tags.get(tag);
      if (t === void 0) return false;
      return repo.isAncestor(t, (await host.stat(rev)).name);
    },
    async mergedTags(rev) {
      const hash = (await host.stat(rev)).name;
      const merged = new Set(await repo.tagsMergedInto(hash));
      if (options2.pretendTags !== void 0) {
        for (const [t, c] of options2.pretendTags) {
          if (c === hash || await repo.isAncestor(c, hash)) merged.add(t);
          else merged.delete(t);
        }
      }
      return [...merged];
    },
    async readZip(rev, subdir) {
      return repo.listArchive((await host.stat(rev)).name, subdir);
    }
  };
  return host;
}
var MIN_HASH_DIGITS;
var init_git_code_host = __esm({
  "src/modfetch/git-code-host.ts"() {
    "use strict";
    init_go_string();
    init_code_host();
    MIN_HASH_DIGITS = 7;
  }
});

// src/modfetch/infer.ts
import path4 from "node:path/posix";
function splitTag(tag) {
  const i = tag.lastIndexOf("/");
  const last = tag.slice(i + 1);
  if (!isValid(last)) return { codeDir: "", version: void 0 };
  return { codeDir: i < 0 ? "" : tag.slice(0, i), version: last };
}
function deriveCodeRoot(modulePath2, codeDir) {
  if (isGopkgIn(modulePath2)) return modulePath2;
  const { prefix } = splitPathVersion(modulePath2);
  if (codeDir === "") return prefix;
  if (!prefix.endsWith("/" + codeDir)) {
    throw new InputError(
      `module path ${modulePath2} does not end in /${codeDir}, the tag's directory: the mirror could not serve it from there (name the module with --module, or the Action's module input)`
    );
  }
  return prefix.slice(0, prefix.length - codeDir.length - 1);
}
async function inferModuleFromTag(code, rev, tag, given = {}) {
  const fromTag = tag === void 0 ? { codeDir: "", version: void 0 } : splitTag(tag);
  const version = given.version ?? fromTag.version;
  let codeDir = fromTag.codeDir;
  if (given.modulePath !== void 0) {
    if (tag === void 0 || fromTag.version === void 0) {
      codeDir = await guessCodeDir(code, rev, given.modulePath);
    }
    return {
      modulePath: given.modulePath,
      codeRoot: deriveCodeRoot(given.modulePath, codeDir),
      codeDir,
      version
    };
  }
  const file1 = path4.join(codeDir, "go.mod");
  const data1 = await code.readFile(rev, file1);
  let modulePath2 = data1 === void 0 ? "" : modulePath(data1);
  const major2 = version === void 0 ? "" : major(version);
  if (major2 !== "" && major2 !== "v0" && major2 !== "v1" && splitPathVersion(modulePath2).pathMajor === "") {
    const data2 = await code.readFile(rev, path4.join(codeDir, major2, "go.mod"));
    const p2 = data2 === void 0 ? "" : modulePath(data2);
    if (p2 !== "" && splitPathVersion(p2).pathMajor === "/" + major2) modulePath2 = p2;
  }
  if (data1 === void 0 && modulePath2 === "") {
    throw new InputError(
      `no ${file1} at ${tag ?? rev}: name the module with --module, or the Action's module input (a module without go.mod has no path of its own)`
    );
  }
  if (modulePath2 === "") {
    throw new InputError(
      `${file1} at ${tag ?? rev} has no module directive: name the module with --module, or the Action's module input`
    );
  }
  return { modulePath: modulePath2, codeRoot: deriveCodeRoot(modulePath2, codeDir), codeDir, version };
}
async function guessCodeDir(code, rev, modulePath2) {
  const { prefix, pathMajor } = splitPathVersion(modulePath2);
  const elems = prefix.split("/");
  for (let i = elems.length - 1; i >= 1; i--) {
    const dir = elems.slice(i).join("/");
    for (const d of pathMajor.startsWith("/") ? [dir, `${dir}${pathMajor}`] : [dir]) {
      const data = await code.readFile(rev, `${d}/go.mod`);
      if (data !== void 0 && modulePath(data) === modulePath2) return dir;
    }
  }
  return "";
}
var init_infer = __esm({
  "src/modfetch/infer.ts"() {
    "use strict";
    init_errors();
    init_module();
    init_modfile();
    init_semver2();
  }
});

// src/modfetch/write-zip.ts
import { once } from "node:events";
import { PassThrough } from "node:stream";
async function writeModuleZip(repo, commit, listing, m, valid, out) {
  const waiting = /* @__PURE__ */ new Map();
  const openers = /* @__PURE__ */ new Map();
  let aborted = false;
  const archiveCount = listing.files.filter((f) => f.raw === void 0).length;
  const sources = listing.files.map((f, i) => {
    const fixed = f.raw ?? (f.path === "go.mod" && f.kind === "regular" ? listing.goMod : void 0);
    return {
      path: f.path,
      kind: f.kind,
      size: f.size,
      open: () => {
        if (fixed !== void 0) return Promise.resolve(fixed);
        const pt = new PassThrough();
        openers.get(i)?.(pt);
        return Promise.resolve(pt);
      }
    };
  });
  for (let i = 0; i < archiveCount; i++) {
    const f = listing.files[i];
    if (f === void 0 || f.kind !== "regular" || !valid.has(f.path)) continue;
    if (f.path === "go.mod" && listing.goMod !== void 0) continue;
    waiting.set(i, {
      opened: new Promise((resolve) => openers.set(i, resolve))
    });
  }
  const feed = async () => {
    let index = 0;
    await repo.archive(commit, listing.dir, async (member) => {
      const i = index++;
      const w = waiting.get(i);
      if (w === void 0 || aborted) return;
      const pt = await w.opened;
      if (pt === void 0) return;
      for await (const chunk of member.body()) {
        if (aborted) return;
        if (!pt.write(chunk)) await Promise.race([once(pt, "drain"), zipDone]);
      }
      pt.end();
    });
  };
  let settle = () => void 0;
  const zipDone = new Promise((resolve) => settle = resolve);
  const zip = createZip(out, m, sources).finally(() => {
    aborted = true;
    settle();
    for (const open3 of openers.values()) open3(void 0);
  });
  await Promise.all([zip, feed()]);
}
async function writeBuiltModuleZip(repo, host, codeRoot, built, out) {
  if (built.error !== void 0 || built.commit === void 0) {
    throw new Error(
      `no zip for ${built.modulePath}@${built.version}: ${built.error ?? "no commit"}`
    );
  }
  const code = new CodeRepo(host, codeRoot, built.modulePath);
  const listing = await code.zipFiles(built.version);
  const valid = new Set((built.files?.kept ?? []).map((f) => f.path));
  await writeModuleZip(
    repo,
    built.commit,
    listing,
    { path: built.modulePath, version: built.version },
    valid,
    out
  );
}
var init_write_zip = __esm({
  "src/modfetch/write-zip.ts"() {
    "use strict";
    init_modzip();
    init_code_repo();
  }
});

// src/modfetch/index.ts
var init_modfetch = __esm({
  "src/modfetch/index.ts"() {
    "use strict";
    init_code_host();
    init_code_repo();
    init_build_module();
    init_git_code_host();
    init_infer();
    init_write_zip();
  }
});

// src/internal/retry.ts
function parseRetryAfter(value, nowMs) {
  if (value === void 0) return void 0;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1e3;
  if (!/[A-Za-z]{3}/.test(v)) return void 0;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return void 0;
  return Math.max(0, t - nowMs);
}
function backoffDelay(attempt, policy, random, retryAfterMs) {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  const waited = policy.jitter === false ? cap : Math.floor(random() * cap);
  if (retryAfterMs === void 0) return waited;
  return Math.min(policy.maxDelayMs, Math.max(waited, retryAfterMs));
}
async function retryLoop(attempt, classify, opts) {
  const { clock } = opts;
  const random = opts.random ?? Math.random;
  const deadline = opts.deadline ?? Infinity;
  const patience = Math.min(opts.patience ?? deadline, deadline);
  const minAttempt = opts.minAttemptMs ?? 0;
  const maxTransient = opts.maxTransient ?? defaultRetryPolicy.maxAttempts;
  const transientBackoff = opts.transientBackoff ?? defaultRetryPolicy;
  const lagBackoff = opts.lagBackoff ?? defaultLagBackoff;
  let value;
  let attempts = 0;
  let transientInRow = 0;
  let lagCount = 0;
  for (; ; ) {
    if (deadline - clock.now() < minAttempt) {
      return { value, attempts, end: "deadline" };
    }
    const v = await attempt(attempts + 1);
    const outcome = classify(v);
    if (outcome.kind === "not-sent") {
      return attempts === 0 ? { value: v, attempts, end: "not-sent" } : { value, attempts, end: "deadline" };
    }
    value = v;
    attempts++;
    const report = { attempt: attempts, value: v, outcome: outcome.kind };
    const stop = (end) => {
      report.end = end;
      opts.onAttempt?.(report);
      return { value, attempts, end };
    };
    if (outcome.kind === "done") return stop("done");
    let wait;
    const left = deadline - clock.now();
    if (outcome.kind === "lag") {
      transientInRow = 0;
      const patienceLeft = patience - clock.now();
      if (patienceLeft <= 0) return stop("patience");
      wait = Math.min(backoffDelay(++lagCount, lagBackoff, random), patienceLeft);
    } else {
      if (++transientInRow >= maxTransient) return stop("gave-up");
      wait = backoffDelay(transientInRow, transientBackoff, random, outcome.retryAfterMs);
    }
    if (left - wait < minAttempt) return stop("deadline");
    report.nextDelayMs = wait;
    opts.onAttempt?.(report);
    await clock.sleep(wait);
  }
}
function retryAfterOf(e) {
  if (typeof e === "object" && e !== null && "retryAfterMs" in e) {
    const v = e.retryAfterMs;
    return typeof v === "number" ? v : void 0;
  }
  return void 0;
}
async function withRetry(fn, ctx) {
  const { retryable } = ctx;
  const r = await retryLoop(
    async (n) => {
      try {
        return { ok: true, value: await fn(n) };
      } catch (error) {
        return { ok: false, error };
      }
    },
    (t) => t.ok || !retryable(t.error) ? { kind: "done" } : { kind: "transient", retryAfterMs: retryAfterOf(t.error) },
    {
      clock: ctx.clock,
      random: ctx.random,
      ...ctx.policy.deadline !== void 0 ? { deadline: ctx.policy.deadline } : {},
      maxTransient: ctx.policy.maxAttempts,
      transientBackoff: ctx.policy,
      onAttempt: (a) => {
        if (!a.value.ok && a.nextDelayMs !== void 0) {
          ctx.onRetry?.(a.value.error, a.attempt, a.nextDelayMs);
        }
      }
    }
  );
  const last = r.value;
  if (last === void 0) throw new Error("internal error: no attempt was made");
  if (last.ok) return last.value;
  throw last.error;
}
var systemClock, defaultRetryPolicy, defaultLagBackoff;
var init_retry = __esm({
  "src/internal/retry.ts"() {
    "use strict";
    systemClock = {
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
    };
    defaultRetryPolicy = {
      maxAttempts: 4,
      baseDelayMs: 500,
      maxDelayMs: 3e4
    };
    defaultLagBackoff = {
      baseDelayMs: 5e3,
      maxDelayMs: 6e4,
      jitter: false
    };
  }
});

// src/checks/asker.ts
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.max(0, Math.round(ms))}ms`;
  let s = Math.round(ms / 1e3);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${h > 0 ? `${h}h` : ""}${h > 0 || m > 0 ? `${m}m` : ""}${s}s`;
}
function firstLine2(text) {
  return text.split("\n", 1)[0]?.trim() ?? "";
}
function answerText(r) {
  const a = r;
  const str = (k) => {
    const v = a[k];
    return typeof v === "string" ? v : "";
  };
  switch (a.kind) {
    case "found":
      return str("version") !== "" ? `found ${str("version")}` : `found ${str("zipHash")}`;
    case "ok":
      return Array.isArray(a.versions) ? `${a.versions.length} version${a.versions.length === 1 ? "" : "s"} listed` : `ok ${str("h1")}`;
    case "not-found": {
      const body = firstLine2(str("body"));
      return body === "" ? "not found" : `not found (${body})`;
    }
    case "unsupported":
      return "no cached-only view";
    case "invalid":
      return `refused: ${firstLine2(str("reason"))}`;
    case "unverifiable":
      return `does not verify: ${firstLine2(str("reason"))}`;
    default:
      return firstLine2(str("reason"));
  }
}
var MIN_ATTEMPT_MS, Asker;
var init_asker = __esm({
  "src/checks/asker.ts"() {
    "use strict";
    init_retry();
    init_errors();
    MIN_ATTEMPT_MS = 500;
    Asker = class {
      constructor(o) {
        this.o = o;
      }
      o;
      /** Set once the deadline stopped a question: what was asked, and its last answer. */
      outOfTime;
      get deadlineText() {
        return `the check's deadline (timeout ${this.o.timeoutText})`;
      }
      async ask(what, call, opts = {}) {
        const { clock, logger } = this.o;
        const attempt = async () => {
          try {
            return await call();
          } catch (e) {
            if (e instanceof InputError) throw e;
            return { kind: "unreachable", reason: `${what}: ${errorMessage(e)}` };
          }
        };
        const progress = (a) => {
          const now = clock.now();
          const left = Math.max(0, this.o.deadline - now);
          let next = "";
          if (a.nextDelayMs !== void 0) next = `; asking again in ${formatDuration(a.nextDelayMs)}`;
          else if (a.end === "patience") next = "; warm-timeout reached";
          else if (a.end === "gave-up") next = `; giving up after ${a.attempt} attempts`;
          else if (a.end === "deadline" && a.outcome !== "done") {
            next = `; no time left to ask again before ${this.deadlineText}`;
          }
          logger.info(
            `${what}: attempt ${a.attempt}: ${answerText(a.value)} [${formatDuration(now - this.o.start)} elapsed, ${formatDuration(left)} left]${next}`
          );
        };
        const r = await retryLoop(
          attempt,
          (v) => {
            if (v.kind === "unreachable") {
              const u = v;
              if (u.notSent === true) return { kind: "not-sent" };
              return u.transient === true ? {
                kind: "transient",
                ...u.retryAfterMs !== void 0 ? { retryAfterMs: u.retryAfterMs } : {}
              } : { kind: "done" };
            }
            if (v.kind === "unsupported") return { kind: "not-sent" };
            return opts.lag?.(v) === true ? { kind: "lag" } : { kind: "done" };
          },
          {
            clock,
            deadline: this.o.deadline,
            ...opts.patience !== void 0 ? { patience: opts.patience } : {},
            minAttemptMs: MIN_ATTEMPT_MS,
            ...this.o.random !== void 0 ? { random: this.o.random } : {},
            onAttempt: progress
          }
        );
        const deadlineHit = r.end === "deadline" || r.value?.kind === "unreachable" && r.value.deadline === true;
        if (deadlineHit && this.outOfTime === void 0) {
          this.outOfTime = r.value === void 0 ? { what } : { what, last: answerText(r.value) };
        }
        const result2 = r.value ?? {
          kind: "unreachable",
          reason: `not asked: ${this.deadlineText} has passed`,
          deadline: true,
          notSent: true
        };
        return { result: result2, attempts: r.attempts, end: r.end };
      }
    };
  }
});

// src/checks/context.ts
async function sidesFor(remote, modulePath2) {
  const [m, s] = [await remote.mirrorFor(modulePath2), await remote.sumdbFor(modulePath2)];
  return {
    ...m.kind === "on" ? { mirror: m.port } : { mirrorOff: m.reason },
    ...s.kind === "on" ? { sumdb: s.port } : { sumdbOff: s.reason }
  };
}
function firstLine3(text) {
  return text.split("\n", 1)[0]?.trim() ?? "";
}
function localHashes(local) {
  return local.sum === void 0 ? { mod: local.goModSum } : { mod: local.goModSum, zip: local.sum };
}
function sameHashes(a, b) {
  return a.zip === b.zip && a.mod === b.mod;
}
function usableList(r, path17) {
  if (r.kind !== "ok") return r;
  return {
    kind: "ok",
    versions: r.versions.filter(
      (v) => canonical(v) === stripIncompatible(v) && check(path17, v) === void 0
    )
  };
}
function unreached(ledger, r, names, finding, detail) {
  ledger.unreachable(r, names, detail);
  if (r.deadline === true) return { findings: [] };
  return {
    findings: finding === void 0 ? [] : [finding],
    ...names.some((n) => n !== "sumdb") ? { mirrorDown: r.reason } : {}
  };
}
var mv, plural, stripIncompatible;
var init_context = __esm({
  "src/checks/context.ts"() {
    "use strict";
    init_module();
    init_semver2();
    mv = (m) => `${m.modulePath}@${m.version}`;
    plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    stripIncompatible = (v) => v.replace(/\+incompatible$/, "");
  }
});

// src/checks/findings.ts
function make(code, severity, message, at = {}, fix) {
  return { code, severity, message, ...at, ...fix !== void 0 ? { fix } : {} };
}
function versionInvalid(text, tag, at) {
  return make(
    "version-invalid",
    "error",
    text,
    at,
    `The go command refuses ${tag} for this module, so it was not sent to the mirror. Make go.mod and the tag agree (v2 and later need the /vN suffix in the module path, see https://go.dev/ref/mod#major-version-suffixes), then tag a new version.`
  );
}
function modulePathMismatch(a) {
  return make(
    "module-path-mismatch",
    "error",
    `go.mod declares module ${a.declared}, but ${a.tag} publishes ${a.path}`,
    a.at,
    `Change the module directive to "module ${a.path}" (or publish from the repository that serves ${a.declared}), then tag a new version.`
  );
}
function zipInvalid(text) {
  return make(
    "zip-invalid",
    "error",
    text,
    {},
    "Rename or remove the files named above, commit, and tag a new version; the mirror would refuse this one with the same error."
  );
}
function mirrorRejected(r, at = {}) {
  switch (r.kind) {
    case "other-version":
      return make(
        "mirror-rejected",
        "error",
        `${r.mirror} resolved ${r.asked} to ${r.answered}, but the go command publishes this tag as ${r.version}`,
        at,
        "Check which go.mod files the tagged commit holds (a go.mod at the root makes v2+ tags need a /vN module path; without one, v2+ tags become +incompatible)."
      );
    case "listed-not-served":
      return make(
        "mirror-rejected",
        "error",
        `${r.mirror} lists ${r.version} but answered "not found" for its .info: ${r.body}`,
        {},
        PUBLISH_AND_RETRACT
      );
    case "refused":
      return make(
        "mirror-rejected",
        "error",
        `${r.mirror} answered "not found" for ${r.asked} (${r.tries}): ${r.body}`,
        at,
        'If the server text names a problem in the repository, fix it and tag a new version. A fresh tag can also meet a "not found" the mirror remembered from an earlier request for up to 30 minutes: re-run with a longer warm-timeout.'
      );
    case "content":
      return make(
        "mirror-rejected",
        "error",
        `${r.mirror} named ${r.mv} but does not serve its content: ${r.text}`,
        {},
        PUBLISH_AND_RETRACT
      );
  }
}
function unreachable(u) {
  switch (u.kind) {
    case "deadline":
      return make(
        "unreachable",
        "warning",
        `${u.deadline} left no time to finish: the check stopped after ${u.elapsed} while asking ${u.what}${u.last !== void 0 ? ` (last answer: ${u.last})` : ""}; the steps say what was not checked`,
        {},
        "Nothing was decided about what was not checked. Re-run the job; if the mirror or the checksum database is slow, raise the timeout (--timeout, or the timeout input; it defaults to warm-timeout plus 5 minutes)."
      );
    case "mirror":
      return make(
        "unreachable",
        "warning",
        `could not reach the mirror ${u.mirror} for ${u.asked} (${u.tries}): ${u.reason}`,
        {},
        u.fix ?? "Re-run the job; nothing about the module was decided."
      );
    case "warm-timeout":
      return make(
        "unreachable",
        "warning",
        `${u.mirror} still answered "not found" for ${u.asked} when warm-timeout ran out (${u.tries}): ${u.body}`,
        {},
        "The mirror remembers a miss for up to 30 minutes when the version was requested before the tag existed. Re-run the job later, or raise warm-timeout."
      );
    case "download":
      return make(
        "unreachable",
        "warning",
        `could not download ${u.mv} from ${u.mirror}: ${u.reasons}`,
        {},
        u.fix ?? "Re-run the job; nothing about the module content was decided."
      );
    case "no-record":
      return make(
        "unreachable",
        "warning",
        `${u.sumdb} has no record of ${u.mv}: ${u.body}`,
        {},
        "The checksum database may not have fetched the version yet: re-run the job later."
      );
    case "sumdb":
      return make(
        "unreachable",
        "warning",
        `could not reach the checksum database ${u.sumdb}: ${u.reason}`,
        {},
        u.fix ?? "Re-run the job; nothing about the checksums was decided."
      );
  }
}
function sumdbUnverifiable(sumdb, mv2, reason2) {
  return make(
    "sumdb-unverifiable",
    "error",
    `the answer of ${sumdb} for ${mv2} does not verify: ${reason2}`,
    {},
    "Do not publish on this answer. Re-run without a stale tree-head cache (sumdb-cache); if it persists, the log or the path to it is compromised: report it to security@golang.org."
  );
}
function diffSummary(diff) {
  return diff === void 0 ? "" : ` Files: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed.`;
}
function buildMismatch(a) {
  return make(
    "build-mismatch",
    "warning",
    `the mirror built ${a.mv} from commit ${a.commit}, the commit the tag names, but got other bytes than modseal's rebuild: ${a.differ}.${a.files}`,
    {},
    "What the mirror serves is what users get. Please report this to modseal with the file list below; the release itself may be fine."
  );
}
function tagMoved(a) {
  const holds = a.mirrorCommit !== void 0 ? ` (the mirror fetched commit ${a.mirrorCommit})` : "";
  return make(
    "tag-moved",
    "error",
    `${a.tag} now points at ${a.commit}, but ${a.holder} other bytes for ${a.mv}${holds}: ${a.differ}.${a.files}`,
    a.at,
    a.fix
  );
}
function sumdbMismatch(a) {
  const M = a.mirrorHashes;
  const S = a.sumdbHashes;
  return make(
    "sumdb-mismatch",
    "error",
    `${a.mirror} serves ${a.mv} with zip ${M.zip ?? "?"} and go.mod ${M.mod ?? "?"}, but ${a.sumdb} records zip ${S.zip ?? "?"} and go.mod ${S.mod ?? "?"}.${a.files}`,
    {},
    "Every go command that verifies checksums refuses what the mirror serves. If the mirror is not yours, report it to its operator (proxy.golang.org: security@golang.org)."
  );
}
function originMismatch(a) {
  return make(
    "origin-mismatch",
    a.contentAgrees ? "warning" : "error",
    `the mirror fetched ${a.ref} at commit ${a.mirrorCommit}, but ${a.tag} now points at ${a.commit}` + (a.contentAgrees ? "; the module content is identical, so users get the same bytes." : "."),
    a.at,
    a.contentAgrees ? "Published tags should not move: the mirror keeps the commit it saw first." : a.fix
  );
}
function remedyFix(version, remedy) {
  return `The mirror and the checksum database keep the first bytes of ${version} forever: it cannot be repaired, only replaced. Publish ${remedy.nextVersion} from the commit you want, with this line added to go.mod:
    ${remedy.retract}` + (remedy.caveat !== void 0 ? `
${remedy.caveat}` : "");
}
function remedyCaveat(a) {
  const checkout = a.shallow ? "this checkout is shallow (actions/checkout fetches only the pushed tag unless fetch-depth: 0)" : `this checkout has no other version tag of ${a.path}`;
  return `This advice may be wrong: ${checkout}, and the mirror's version list could not be read (${a.why}), so a version above ${a.version} may already be published. The go command reads retract lines only from the highest version: find it with \`git ls-remote --tags origin\` or \`go list -m -versions ${a.path}\`, and publish above it.`;
}
function incompatible(a) {
  const major2 = a.version.slice(1).split(".")[0] ?? "";
  return make(
    "incompatible",
    "warning",
    `${a.path} has no go.mod at ${a.tag}, so the go command publishes ${a.version}: a major version 2 or later without the /v${major2} module path suffix.`,
    a.at,
    `Consumers get +incompatible versions only by asking for them explicitly once any v0/v1 release contains a go.mod: the go command then ignores +incompatible versions for @latest and upgrades. To publish v2 and later properly, add a go.mod declaring "module ${a.path}/v${major2}" and tag from there.`
  );
}
function retracted(c, at = {}) {
  switch (c.kind) {
    case "new":
      return make(
        "retracted",
        "notice",
        `once published, ${c.version} is the latest version, so its go.mod retracts ${c.range}${c.news}: ${c.directive}`,
        at,
        `${HIDDEN} Retracted versions stay downloadable for those who ask for them by name.`
      );
    case "dropped":
      return make(
        "retracted",
        "warning",
        `${c.prev}, the latest version until now, retracts ${c.range} (${c.directive}); this tag's go.mod does not, so once ${c.version} is published the go command no longer treats ${c.range} as retracted`,
        at,
        `Only the latest version's retractions count. If ${c.range} should stay retracted, add "retract ${c.range}" to go.mod and publish a new version.`
      );
    case "by-latest":
      return make(
        "retracted",
        "warning",
        `${c.mv}: ${c.message} (the go.mod of ${c.latest}, the latest version, has retract ${c.range})`,
        at,
        `${HIDDEN} Only a newer latest version can lift it: if this version should be usable, publish a version above ${c.latest} whose go.mod no longer retracts it.`
      );
    case "no-effect":
      return make(
        "retracted",
        "warning",
        `this tag's go.mod retracts ${c.range}, but the go command reads retractions only from the go.mod of the latest version, ${c.latest}, which does not: the directive has no effect`,
        at,
        `Add "retract ${c.range}" to the go.mod of a new version above ${c.latest}.`
      );
    case "own":
      return make(
        "retracted",
        "warning",
        `${c.mv}: ${c.message} (this tag's go.mod has retract ${c.range}; ${c.context})`,
        at,
        `${HIDDEN} If that is not intended, publish a new version without the directive.`
      );
  }
}
function deprecated(c, at = {}) {
  switch (c.kind) {
    case "dropped":
      return make(
        "deprecated",
        "warning",
        `${c.prev}, the latest version until now, marks ${c.path} as deprecated (${c.was}); this tag's go.mod does not, so once ${c.version} is published the module is no longer deprecated`,
        at,
        'If the module should stay deprecated, keep the "// Deprecated:" comment on the module line and publish a new version.'
      );
    case "by-latest":
      return make(
        "deprecated",
        "warning",
        `module ${c.path} is deprecated: ${c.text} (the go.mod of ${c.latest}, the latest version)`,
        at,
        "go get and go list -u show this to everybody who uses any version of the module, this one included."
      );
    case "no-effect":
      return make(
        "deprecated",
        "warning",
        `this tag's go.mod marks ${c.path} as deprecated (${c.text}), but the go command reads the deprecation only from the go.mod of the latest version, ${c.latest}, which has none: the comment has no effect`,
        at,
        `Put the "// Deprecated:" comment into the go.mod of a new version above ${c.latest}.`
      );
    case "own":
      return make(
        "deprecated",
        "warning",
        `module ${c.path} is deprecated: ${c.text} (${c.context})`,
        at,
        'While this is the latest version, go get and go list -u show the message to every user. If that is not intended, publish a new version without the "Deprecated:" comment.'
      );
  }
}
var PUBLISH_AND_RETRACT, HIDDEN;
var init_findings = __esm({
  "src/checks/findings.ts"() {
    "use strict";
    PUBLISH_AND_RETRACT = "Nobody can download this version through the mirror. Publish a new version and retract this one.";
    HIDDEN = 'The go command hides retracted versions from "latest" and upgrades, and warns everybody who requires one.';
  }
});

// src/checks/local-findings.ts
function atModuleLine(m) {
  return { file: m.goModPath, ...m.moduleLine };
}
function localFindings(local, tag) {
  const at = atModuleLine(local);
  const out = [];
  if (local.versionError !== void 0) out.push(versionInvalid(local.versionError.text, tag, at));
  if (local.declaredModulePath !== void 0 && local.declaredModulePath !== local.modulePath) {
    out.push(
      modulePathMismatch({ declared: local.declaredModulePath, path: local.modulePath, tag, at })
    );
  }
  if (local.zipError !== void 0) out.push(zipInvalid(local.zipError.text));
  return out;
}
var init_local_findings = __esm({
  "src/checks/local-findings.ts"() {
    "use strict";
    init_findings();
  }
});

// src/checks/compare.ts
function readOrigin(origin, commit) {
  if (origin?.Hash === void 0 || origin.Hash === "") {
    return {
      step: {
        name: "origin",
        status: "skipped",
        detail: "the mirror recorded no Origin for this version"
      }
    };
  }
  if (origin.VCS !== void 0 && origin.VCS !== "git") {
    return {
      step: {
        name: "origin",
        status: "skipped",
        detail: `Origin names a ${origin.VCS} repository`
      }
    };
  }
  return {
    mirrorCommit: origin.Hash,
    originSame: origin.Hash.toLowerCase() === commit.toLowerCase(),
    step: {
      name: "origin",
      status: "ok",
      detail: `the mirror fetched ${origin.Ref ?? "the tag"} at ${origin.Hash}`
    }
  };
}
function compareSides(s) {
  const steps = [];
  let mirrorCommit;
  let originSame;
  if (s.info !== void 0) {
    const o = readOrigin(s.info.origin, s.commit);
    steps.push(o.step);
    mirrorCommit = o.mirrorCommit;
    originSame = o.originSame;
  }
  const L = s.local;
  const M = s.mirror;
  const S = s.sumdb;
  const mirrorVsSumdb = M !== void 0 && S !== void 0 && !sameHashes(M, S);
  const sumdbDiffers = S !== void 0 && !sameHashes(S, L);
  const publishedDiffers = sumdbDiffers || S === void 0 && M !== void 0 && !sameHashes(M, L);
  const ourRebuildDiffers = publishedDiffers && M !== void 0 && !sameHashes(M, L) && (originSame === true || originSame === void 0 && s.fetchedByUs && S === void 0);
  if (ourRebuildDiffers) {
    steps.push({
      name: "mirror-content",
      status: "unchecked",
      detail: "the local rebuild disagrees with the mirror"
    });
  }
  const tagMoved2 = publishedDiffers && !ourRebuildDiffers;
  const c = {
    steps,
    publishedDiffers,
    ourRebuildDiffers,
    mirrorVsSumdb,
    needDiff: publishedDiffers || mirrorVsSumdb,
    published: S ?? M ?? {},
    holder: sumdbDiffers ? "sumdb" : "mirror",
    tagMoved: tagMoved2,
    broken: tagMoved2
  };
  if (mirrorCommit !== void 0) c.mirrorCommit = mirrorCommit;
  if (originSame !== void 0) c.originSame = originSame;
  if (originSame === false) {
    const failed2 = { name: "origin", status: "failed" };
    const detail = `the mirror fetched ${mirrorCommit ?? "?"}`;
    if (tagMoved2) {
      steps.push({ ...failed2, detail });
    } else {
      const contentAgrees = M !== void 0 && sameHashes(M, L) && (S === void 0 || sameHashes(S, L));
      c.originMismatch = { contentAgrees };
      if (!contentAgrees) {
        steps.push({ ...failed2, detail });
        c.broken = true;
      }
    }
  }
  return c;
}
function whichDiffer(published, local) {
  const parts = [];
  if (published.zip !== local.zip) {
    parts.push(`zip ${published.zip ?? "?"} (tag now: ${local.zip ?? "?"})`);
  }
  if (published.mod !== local.mod) {
    parts.push(`go.mod ${published.mod ?? "?"} (tag now: ${local.mod ?? "?"})`);
  }
  return parts.join("; ");
}
function comparisonFindings(c, w) {
  const out = [];
  const { local, hashes } = w;
  const at = atModuleLine(local);
  const files2 = diffSummary(w.diff);
  const differ = whichDiffer(c.published, hashes.local);
  const withFix = w.fix !== void 0 ? { fix: w.fix } : {};
  if (c.publishedDiffers && c.ourRebuildDiffers) {
    out.push(buildMismatch({ mv: mv(local), commit: local.commit, differ, files: files2 }));
  } else if (c.publishedDiffers) {
    const holder = c.holder === "sumdb" ? `${w.sumdbName ?? "the checksum database"} records` : `${w.mirrorName ?? "the mirror"} serves`;
    out.push(
      tagMoved({
        tag: w.tag,
        commit: local.commit,
        holder,
        mv: mv(local),
        ...c.mirrorCommit !== void 0 ? { mirrorCommit: c.mirrorCommit } : {},
        differ,
        files: files2,
        at,
        ...withFix
      })
    );
  }
  if (c.mirrorVsSumdb && hashes.mirror !== void 0 && hashes.sumdb !== void 0) {
    out.push(
      sumdbMismatch({
        mirror: w.mirrorName ?? "the mirror",
        sumdb: w.sumdbName ?? "the checksum database",
        mv: mv(local),
        mirrorHashes: hashes.mirror,
        sumdbHashes: hashes.sumdb,
        files: files2
      })
    );
  }
  if (c.originMismatch !== void 0) {
    out.push(
      originMismatch({
        ref: w.originRef ?? w.tag,
        mirrorCommit: c.mirrorCommit ?? "?",
        tag: w.tag,
        commit: local.commit,
        contentAgrees: c.originMismatch.contentAgrees,
        at,
        ...withFix
      })
    );
  }
  return out;
}
var init_compare = __esm({
  "src/checks/compare.ts"() {
    "use strict";
    init_context();
    init_findings();
    init_local_findings();
  }
});

// src/checks/download.ts
async function downloadPublished(ctx, mirror, module) {
  const { asker, ledger } = ctx;
  const { modulePath: path17, version } = module;
  ctx.logger.info(`Downloading ${mv(module)} .mod and .zip from ${mirror.url}`);
  const modAsked = await asker.ask(
    `${mirror.url} .mod of ${mv(module)}`,
    () => mirror.mod(path17, version)
  );
  const zipAsked = await asker.ask(
    `${mirror.url} .zip of ${mv(module)}`,
    () => mirror.zip(path17, version)
  );
  ledger.count("mirror-content", modAsked.attempts + zipAsked.attempts);
  const mod = modAsked.result;
  const zip = zipAsked.result;
  if (mod.kind === "ok" && zip.kind === "ok") {
    ledger.set("mirror-content", "ok", `the mirror serves ${zip.h1}`);
    return { hashes: { zip: zip.h1, mod: mod.h1 }, zip, findings: [] };
  }
  const problems = [mod, zip].filter((r) => r.kind !== "ok");
  const down = problems.filter((r) => r.kind === "unreachable");
  if (down.length > 0) {
    const fix = mirror.unreachableFix;
    return unreached(
      ledger,
      down[0],
      ["mirror-content"],
      unreachable({
        kind: "download",
        mirror: mirror.url,
        mv: mv(module),
        reasons: down.map((r) => r.reason).join("; "),
        ...fix !== void 0 ? { fix } : {}
      }),
      "download failed"
    );
  }
  const text = problems.map((r) => r.kind === "not-found" ? r.body : r.kind === "invalid" ? r.reason : "").join("; ");
  ledger.set("mirror-content", "failed", firstLine3(text));
  return {
    findings: [mirrorRejected({ kind: "content", mirror: mirror.url, mv: mv(module), text })]
  };
}
var init_download = __esm({
  "src/checks/download.ts"() {
    "use strict";
    init_context();
    init_findings();
  }
});

// src/checks/ledger.ts
function decideVerdict(report) {
  if (report.findings.some((f) => f.severity === "error")) return "fail";
  if (report.steps.some((s) => s.status === "unchecked" || s.status === "failed")) {
    return "inconclusive";
  }
  return "pass";
}
var STEP_ORDER, MIRROR_STEPS, BY_CONFIG, NOT_REACHED, StepLedger;
var init_ledger = __esm({
  "src/checks/ledger.ts"() {
    "use strict";
    STEP_ORDER = [
      "local",
      "mirror-cache",
      "warm",
      "origin",
      "mirror-content",
      "sumdb"
    ];
    MIRROR_STEPS = ["mirror-cache", "warm", "origin", "mirror-content"];
    BY_CONFIG = "skipped by configuration";
    NOT_REACHED = "not reached";
    StepLedger = class {
      constructor(order = STEP_ORDER) {
        this.order = order;
        for (const name of order) this.state.set(name, { status: "unchecked", detail: NOT_REACHED });
      }
      order;
      state = /* @__PURE__ */ new Map();
      attempts = /* @__PURE__ */ new Map();
      set(name, status, detail) {
        this.state.set(name, { status, detail });
      }
      /** The same status and detail for several steps. */
      setAll(names, status, detail) {
        for (const name of names) this.set(name, status, detail);
      }
      status(name) {
        return this.state.get(name)?.status;
      }
      /** Adds requests made for a step (each one also logged as a progress line). */
      count(name, n) {
        if (n > 0) this.attempts.set(name, (this.attempts.get(name) ?? 0) + n);
      }
      /**
       * Steps that could not be done because a remote side was unreachable: the
       * first gets `detail` (default the reason), the others say why they follow.
       */
      unreachable(r, names, detail) {
        names.forEach(
          (n, i) => this.set(
            n,
            "unchecked",
            i === 0 ? detail ?? r.reason : r.deadline === true ? r.reason : "mirror unreachable"
          )
        );
      }
      /** Once the deadline ended the check: the steps it never reached say so. */
      cutShort(detail) {
        for (const [name, s] of this.state) {
          if (s.status === "unchecked" && s.detail === NOT_REACHED) this.set(name, "unchecked", detail);
        }
      }
      steps() {
        return this.order.map((name) => {
          const n = this.attempts.get(name);
          return {
            name,
            ...this.state.get(name) ?? { status: "unchecked", detail: NOT_REACHED },
            ...n !== void 0 ? { attempts: n } : {}
          };
        });
      }
    };
  }
});

// src/checks/ports.ts
function inGroup(logger, name, fn) {
  return logger.group === void 0 ? fn() : logger.group(name, fn);
}
var init_ports = __esm({
  "src/checks/ports.ts"() {
    "use strict";
  }
});

// src/checks/published.ts
async function lookupPublished(ctx, sides, local) {
  const { mirror } = sides;
  let holding = { heldBy: "" };
  if (mirror === void 0) {
    ctx.ledger.setAll(
      MIRROR_STEPS,
      "skipped",
      `${BY_CONFIG}: ${sides.mirrorOff ?? "GOPROXY names no mirror for this module"}`
    );
  } else {
    holding = await mirrorHolding(ctx, mirror, local);
  }
  const sum = await firstLookup(ctx, sides, local, holding);
  const published = { ...holding, fetchedByUs: false, findings: [] };
  if (sum !== void 0) published.sum = sum;
  if (mirror === void 0 || holding.info !== void 0) return published;
  const movedPerSumdb = sum?.kind === "found" && !sameHashes({ zip: sum.zipHash, mod: sum.goModHash }, localHashes(local));
  if (movedPerSumdb) {
    ctx.ledger.set(
      "warm",
      "skipped",
      "not warmed: the checksum database already holds other bytes"
    );
    ctx.ledger.set("origin", "skipped", "not warmed");
    ctx.ledger.set("mirror-content", "skipped", "not warmed");
    return published;
  }
  const answer2 = holding.held === true ? await readListedInfo(ctx, mirror, local, holding.heldBy) : ctx.warm ? await warmMirror(ctx, mirror, local) : notWarmed(ctx, local, holding);
  if (answer2.info !== void 0) published.info = answer2.info;
  published.fetchedByUs = answer2.fetchedByUs === true;
  published.mirrorDown ??= answer2.mirrorDown;
  published.findings.push(...answer2.findings);
  return published;
}
async function mirrorHolding(ctx, mirror, local) {
  const { asker, ledger } = ctx;
  const path17 = local.modulePath;
  const h = { heldBy: "" };
  const c = await asker.ask(
    `${mirror.url} cached-only .info of ${mv(local)}`,
    () => mirror.cached(path17, local.version)
  );
  ledger.count("mirror-cache", c.attempts);
  const r = c.result;
  if (r.kind === "found") {
    h.info = r;
    h.held = true;
    ledger.set("mirror-cache", "ok", `the mirror already holds ${path17}@${r.version}`);
    ledger.set("warm", "skipped", "not needed: the mirror already holds this version");
  } else if (r.kind === "not-found") {
    h.held = false;
    h.heldBy = "its cached-only view";
    ledger.set("mirror-cache", "ok", `the mirror does not hold ${mv(local)} yet`);
  } else if (r.kind === "unsupported") {
    ledger.set("mirror-cache", "skipped", "this proxy offers no cached-only view");
  } else if (r.notSent === true) {
    ledger.set("mirror-cache", "unchecked", r.reason);
  } else {
    ledger.set("mirror-cache", "skipped", `cached-only view unavailable: ${r.reason}`);
  }
  if (h.held === void 0 && !ctx.warm && asker.outOfTime === void 0) {
    return heldPerList(ctx, mirror, local);
  }
  return h;
}
async function heldPerList(ctx, mirror, local) {
  const { ledger } = ctx;
  const path17 = local.modulePath;
  const l = await ctx.asker.ask(`${mirror.url} version list of ${path17}`, () => mirror.list(path17));
  ledger.count("mirror-cache", l.attempts);
  const listed = usableList(l.result, path17);
  if (listed.kind === "ok") {
    const held = listed.versions.includes(local.version);
    ledger.set(
      "mirror-cache",
      "ok",
      `the mirror's version list ${held ? "names" : "does not name"} ${local.version} (read instead of a cached-only view)`
    );
    return { held, heldBy: "its version list", listed };
  }
  if (listed.kind === "not-found") {
    ledger.set(
      "mirror-cache",
      "ok",
      `the mirror lists no version of ${path17}: ${firstLine3(listed.body)}`
    );
    return { held: false, heldBy: "its version list", listed };
  }
  ledger.set("mirror-cache", "unchecked", `could not read the version list: ${listed.reason}`);
  return {
    heldBy: "",
    listed,
    ...listed.deadline !== true ? { mirrorDown: listed.reason } : {}
  };
}
async function firstLookup(ctx, sides, local, holding) {
  const { sumdb } = sides;
  if (sumdb === void 0) {
    ctx.ledger.set(
      "sumdb",
      "skipped",
      `${BY_CONFIG}: ${sides.sumdbOff ?? "GOSUMDB is off for this module"}`
    );
    return void 0;
  }
  if (ctx.warm || holding.held === true) {
    ctx.logger.info(`Looking up ${mv(local)} in ${sumdb.name}`);
    const l = await askSumdb(ctx, sumdb, local);
    ctx.ledger.count("sumdb", l.attempts);
    return l.result;
  }
  const mirrorSays = holding.held === false ? `the mirror does not hold ${mv(local)} (${holding.heldBy} says so)` : `nothing says the mirror holds ${mv(local)}`;
  ctx.ledger.set(
    "sumdb",
    "unchecked",
    `not asked: ${sumdb.name} fetches a version it has no record of through the mirror, ${mirrorSays}, and warming is off`
  );
  return void 0;
}
function askSumdb(ctx, sumdb, local, lag) {
  return ctx.asker.ask(
    `${sumdb.name} record of ${mv(local)}`,
    () => sumdb.lookup(local.modulePath, local.version),
    lag === true ? { lag: (r) => r.kind === "not-found", patience: ctx.patience } : {}
  );
}
function acceptInfo(ctx, mirror, local, w, asked, step) {
  if (w.version === local.version) return { info: w, findings: [] };
  ctx.ledger.set(step, "failed", `the mirror answered ${w.version}`);
  if (step !== "origin") ctx.ledger.set("origin", "skipped", "nothing to compare");
  ctx.ledger.set("mirror-content", "skipped", "the mirror names another version");
  return {
    findings: [
      mirrorRejected(
        {
          kind: "other-version",
          mirror: mirror.url,
          asked: `${local.modulePath}@${asked}`,
          answered: w.version,
          version: local.version
        },
        atModuleLine(local)
      )
    ]
  };
}
async function readListedInfo(ctx, mirror, local, heldBy) {
  const { ledger } = ctx;
  const version = local.version;
  ledger.set("warm", "skipped", `not needed: ${heldBy} names ${version}`);
  const i = await ctx.asker.ask(
    `${mirror.url} .info of ${mv(local)}`,
    () => mirror.info(local.modulePath, version)
  );
  ledger.count("origin", i.attempts);
  const r = i.result;
  if (r.kind === "found") return acceptInfo(ctx, mirror, local, r, version, "origin");
  if (r.kind === "not-found") {
    ledger.set("origin", "failed", firstLine3(r.body));
    ledger.set("mirror-content", "skipped", "the mirror does not serve the version it lists");
    return {
      findings: [
        mirrorRejected({
          kind: "listed-not-served",
          mirror: mirror.url,
          version,
          body: r.body.trimEnd()
        })
      ]
    };
  }
  return unreached(ledger, r, ["origin", "mirror-content"]);
}
function notWarmed(ctx, local, holding) {
  ctx.ledger.set("warm", "skipped", `${BY_CONFIG}: warming is off`);
  ctx.ledger.set(
    "mirror-content",
    "unchecked",
    holding.held === false ? `the mirror does not hold ${mv(local)} (${holding.heldBy} says so) and warming is off: nothing to compare` : `could not learn whether the mirror holds ${mv(local)}, and warming is off`
  );
  ctx.ledger.set("origin", "skipped", "nothing to compare");
  return { findings: [] };
}
async function warmMirror(ctx, mirror, local) {
  const { asker, ledger } = ctx;
  const path17 = local.modulePath;
  const base = stripIncompatible(local.version);
  const asked = `${path17}@${base}`;
  ctx.logger.info(`Asking ${mirror.url} to fetch ${asked}`);
  const w = await asker.ask(
    `${mirror.url} .info of ${asked} (makes the mirror fetch it)`,
    () => mirror.warm(path17, base, ctx.patience),
    { lag: (r2) => r2.kind === "not-found" && !r2.final, patience: ctx.patience }
  );
  ledger.count("warm", w.attempts);
  const tries = plural(w.attempts, "attempt");
  const r = w.result;
  const pending = ["warm", "origin", "mirror-content"];
  if (r.kind === "found") {
    const a = acceptInfo(ctx, mirror, local, r, base, "warm");
    if (a.info === void 0) return a;
    ledger.set("warm", "ok", `the mirror serves ${path17}@${r.version} (${tries})`);
    return { ...a, fetchedByUs: ledger.status("mirror-cache") === "ok" };
  }
  if (r.kind === "unreachable") {
    return unreached(
      ledger,
      r,
      pending,
      unreachable({
        kind: "mirror",
        mirror: mirror.url,
        asked,
        tries,
        reason: r.reason,
        ...mirror.unreachableFix !== void 0 ? { fix: mirror.unreachableFix } : {}
      })
    );
  }
  const body = r.body.trimEnd();
  if (r.final) {
    ledger.set("warm", "failed", firstLine3(body));
    ledger.set("origin", "skipped", "nothing to compare");
    ledger.set("mirror-content", "skipped", "the mirror refused the version");
    return {
      findings: [
        mirrorRejected(
          { kind: "refused", mirror: mirror.url, asked, tries, body },
          atModuleLine(local)
        )
      ]
    };
  }
  if (w.end === "deadline") {
    ledger.setAll(
      pending,
      "unchecked",
      `${asker.deadlineText} ran out while the mirror still answered "not found" (${tries})`
    );
    return { findings: [] };
  }
  ledger.set("warm", "unchecked", firstLine3(body));
  ledger.set("origin", "unchecked", "the mirror does not serve the version yet");
  ledger.set("mirror-content", "unchecked", "the mirror does not serve the version yet");
  return {
    findings: [unreachable({ kind: "warm-timeout", mirror: mirror.url, asked, tries, body })]
  };
}
async function confirmSumdb(ctx, sumdb, local, published) {
  let sum = published.sum;
  if (sumdb === void 0 || sum === void 0) return { findings: [] };
  const { ledger } = ctx;
  if (sum.kind === "not-found" && ctx.warm && published.info !== void 0) {
    const again = await askSumdb(ctx, sumdb, local, true);
    ledger.count("sumdb", again.attempts);
    sum = again.result;
  }
  const out = { sum, findings: [] };
  if (sum.kind === "found") {
    ledger.set("sumdb", "ok", `${sumdb.name} records ${sum.zipHash}`);
  } else if (sum.kind === "not-found") {
    out.findings.push(
      unreachable({ kind: "no-record", sumdb: sumdb.name, mv: mv(local), body: sum.body })
    );
    ledger.set("sumdb", "unchecked", firstLine3(sum.body));
  } else if (sum.kind === "unverifiable") {
    out.findings.push(sumdbUnverifiable(sumdb.name, mv(local), sum.reason));
    ledger.set("sumdb", "failed", sum.reason);
  } else {
    const fix = sumdb.unreachableFix;
    out.findings.push(
      ...unreached(
        ledger,
        sum,
        ["sumdb"],
        unreachable({
          kind: "sumdb",
          sumdb: sumdb.name,
          reason: sum.reason,
          ...fix !== void 0 ? { fix } : {}
        })
      ).findings
    );
  }
  return out;
}
var init_published = __esm({
  "src/checks/published.ts"() {
    "use strict";
    init_findings();
    init_ledger();
    init_context();
    init_local_findings();
  }
});

// src/checks/version.ts
function increment(n) {
  return (BigInt(n) + 1n).toString();
}
function nextVersion(version, taken = []) {
  let candidate = canonical(version);
  if (candidate === "") return "";
  const suffix = build(version) === "+incompatible" ? "+incompatible" : "";
  const used = new Set(taken.map((t) => canonical(t)).filter((t) => t !== ""));
  const line0or1 = (v) => major(v) === "v0" ? "v1" : major(v);
  if (prerelease(candidate) === "") {
    for (const t of used) {
      if (prerelease(t) === "" && line0or1(t) === line0or1(candidate) && compare(t, candidate) > 0) {
        candidate = t;
      }
    }
  }
  const line = majorMinor(candidate);
  for (; ; ) {
    const pre = prerelease(candidate);
    const patch = candidate.slice(line.length + 1, candidate.length - pre.length);
    if (pre === "") {
      candidate = `${line}.${increment(patch)}`;
    } else {
      const ids = pre.slice(1).split(".");
      const last = ids[ids.length - 1] ?? "";
      if (/^[0-9]+$/.test(last)) ids[ids.length - 1] = increment(last);
      else ids.push("1");
      candidate = `${line}.${patch}-${ids.join(".")}`;
    }
    if (!used.has(candidate)) return candidate + suffix;
  }
}
var init_version2 = __esm({
  "src/checks/version.ts"() {
    "use strict";
    init_semver2();
  }
});

// src/checks/remedy.ts
function remedyFor(f) {
  const { version } = f.local;
  const listed = f.seen.listed;
  const next = nextVersion(version, [
    ...f.local.existingVersions ?? [],
    ...listed?.kind === "ok" ? listed.versions : [],
    ...f.sumdbVouched ? [version] : []
  ]);
  if (next === "") return void 0;
  const remedy = {
    nextVersion: next,
    retract: `retract ${version} // tag ${f.tag} moved after publication; use ${next}`
  };
  const caveat = caveatFor(f);
  if (caveat !== void 0) remedy.caveat = caveat;
  return remedy;
}
function caveatFor(f) {
  const { listed, listUnavailable } = f.seen;
  const { version, shallow } = f.local;
  if (listed?.kind === "ok" || listed?.kind === "not-found") return void 0;
  const base = stripIncompatible(version);
  const others = (f.local.existingVersions ?? []).filter((v) => v !== base && v !== version);
  if (shallow !== true && others.length > 0) return void 0;
  const why = listed?.kind === "unreachable" ? listed.reason : listUnavailable ?? "it was not asked";
  return remedyCaveat({ version, path: f.local.modulePath, shallow: shallow === true, why });
}
var init_remedy = __esm({
  "src/checks/remedy.ts"() {
    "use strict";
    init_context();
    init_findings();
    init_version2();
  }
});

// src/checks/retractions.ts
async function latestIgnoringRetractions(versions, hasGoMod) {
  const sorted = sortVersions(
    [...new Set(versions)].filter((v) => isValid(v) && !isPseudoVersion(v))
  );
  const releases = [];
  const prereleases = [];
  let needIncompatible = false;
  let lastCompatible = "";
  for (const v of sorted) {
    if (!needIncompatible) {
      if (!v.endsWith("+incompatible")) {
        lastCompatible = v;
      } else if (lastCompatible !== "") {
        if (await hasGoMod(lastCompatible)) break;
        needIncompatible = true;
      }
    }
    (prerelease(v) === "" ? releases : prereleases).push(v);
  }
  return releases[releases.length - 1] ?? prereleases[prereleases.length - 1];
}
function parseFacts(name, data) {
  const file = parseLax(name, data);
  const facts = {
    retractions: file.retract.map((r) => ({ low: r.low, high: r.high, rationale: r.rationale }))
  };
  if (file.module?.deprecated !== void 0) facts.deprecated = file.module.deprecated;
  return facts;
}
async function retractionFindings(input) {
  const { released, mirror, logger } = input;
  const path17 = released.modulePath;
  const version = released.version;
  if (mirror === void 0 || input.noMirror !== void 0) {
    return fromReleasedAlone(released, input.noMirror ?? "no mirror to ask");
  }
  let listed;
  try {
    const l = await mirror.list(path17);
    if (l.kind === "unreachable") {
      return fromReleasedAlone(
        released,
        `could not read the version list of ${mirror.url}: ${l.reason}`
      );
    }
    listed = l.kind === "ok" ? l.versions : [];
  } catch (e) {
    return fromReleasedAlone(
      released,
      `could not read the version list of ${mirror.url}: ${errorMessage(e)}`
    );
  }
  const legacy = encodeGoString(`module ${autoQuote(path17)}
`);
  const mods = /* @__PURE__ */ new Map();
  const readMod = (v) => {
    let p = mods.get(v);
    if (p === void 0) {
      p = (async () => {
        const m = await mirror.mod(path17, v);
        if (m.kind === "ok") return m.data;
        throw new Error(
          `${path17}@${v}.mod: ${m.kind === "not-found" ? m.body.trimEnd() : m.reason}`
        );
      })();
      mods.set(v, p);
    }
    return p;
  };
  const hasGoMod = async (v) => {
    if (v === version) {
      return released.goMod !== void 0 ? !released.goMod.equals(legacy) : released.declaredModulePath !== void 0;
    }
    return !(await readMod(v)).equals(legacy);
  };
  let latest;
  try {
    latest = await latestIgnoringRetractions([...listed, version], hasGoMod);
  } catch (e) {
    return fromReleasedAlone(
      released,
      `could not determine the latest version: ${errorMessage(e)}`
    );
  }
  if (latest === void 0) {
    return fromReleasedAlone(released, `${version} is not a version the go command lists`);
  }
  if (latest === version) {
    return await asLatest(released, listed, hasGoMod, readMod, logger);
  }
  logger.info(`Reading retractions and deprecation from the go.mod of ${path17}@${latest}`);
  let facts;
  try {
    facts = parseFacts(`${path17}@${latest}/go.mod`, await readMod(latest));
  } catch (e) {
    return fromReleasedAlone(
      released,
      `could not read the go.mod of ${latest}, the latest version: ${errorMessage(e)}`
    );
  }
  return notLatest(released, latest, facts);
}
async function asLatest(released, listed, hasGoMod, readMod, logger) {
  const version = released.version;
  const findings = ownDirectives(
    released,
    `once published, ${version} is the latest version, so the go command reads this go.mod`
  );
  let prev;
  let prevFacts;
  try {
    prev = await latestIgnoringRetractions(
      listed.filter((v) => v !== version),
      hasGoMod
    );
    if (prev !== void 0) {
      prevFacts = parseFacts(`${released.modulePath}@${prev}/go.mod`, await readMod(prev));
    }
  } catch (e) {
    logger.debug(`could not read the go.mod of the previous latest version: ${errorMessage(e)}`);
    prev = void 0;
  }
  for (const r of released.retractions) {
    if (covers(r, version)) continue;
    if (prevFacts?.retractions.some((p) => sameInterval(p, r)) === true) continue;
    const news = prev !== void 0 && prevFacts !== void 0 ? ` (${prev}, the latest version until now, does not retract it)` : "";
    findings.push(
      retracted(
        { kind: "new", version, range: rangeOf(r), news, directive: directiveMessage(r) },
        lineOf(released, r)
      )
    );
  }
  if (prev !== void 0 && prevFacts !== void 0) {
    for (const p of prevFacts.retractions) {
      if (released.retractions.some((r) => sameInterval(r, p))) continue;
      findings.push(
        retracted(
          { kind: "dropped", version, prev, range: rangeOf(p), directive: directiveMessage(p) },
          { file: released.goModPath }
        )
      );
    }
    const was = deprecationText(prevFacts.deprecated);
    if (was !== "" && deprecationText(released.deprecated) === "") {
      findings.push(
        deprecated(
          { kind: "dropped", prev, path: released.modulePath, was, version },
          moduleLineOf(released)
        )
      );
    }
  }
  return findings;
}
function notLatest(released, latest, facts) {
  const { modulePath: path17, version } = released;
  const findings = [];
  const msg = retractionMessage(version, facts.retractions);
  if (msg !== void 0) {
    const hit = facts.retractions.find((r) => covers(r, version));
    findings.push(
      retracted({
        kind: "by-latest",
        mv: `${path17}@${version}`,
        message: msg,
        latest,
        range: hit === void 0 ? version : rangeOf(hit)
      })
    );
  }
  const dep = deprecationText(facts.deprecated);
  if (dep !== "") findings.push(deprecated({ kind: "by-latest", path: path17, text: dep, latest }));
  for (const r of released.retractions) {
    if (facts.retractions.some((p) => sameInterval(p, r))) continue;
    findings.push(retracted({ kind: "no-effect", range: rangeOf(r), latest }, lineOf(released, r)));
  }
  const own = deprecationText(released.deprecated);
  if (own !== "" && dep === "") {
    findings.push(
      deprecated({ kind: "no-effect", path: path17, text: own, latest }, moduleLineOf(released))
    );
  }
  return findings;
}
function fromReleasedAlone(released, why) {
  return ownDirectives(
    released,
    `judged from this tag's go.mod alone, as if ${released.version} were the latest version (${why})`
  );
}
function ownDirectives(released, context) {
  const { modulePath: path17, version } = released;
  const findings = [];
  const msg = retractionMessage(version, released.retractions);
  if (msg !== void 0) {
    const hit = released.retractions.find((r) => covers(r, version));
    findings.push(
      retracted(
        {
          kind: "own",
          mv: `${path17}@${version}`,
          message: msg,
          range: hit === void 0 ? version : rangeOf(hit),
          context
        },
        lineOf(released, hit)
      )
    );
  }
  const dep = deprecationText(released.deprecated);
  if (dep !== "") {
    findings.push(deprecated({ kind: "own", path: path17, text: dep, context }, moduleLineOf(released)));
  }
  return findings;
}
var rangeOf, covers, sameInterval, deprecationText, directiveMessage, lineOf, moduleLineOf;
var init_retractions = __esm({
  "src/checks/retractions.ts"() {
    "use strict";
    init_errors();
    init_go_string();
    init_modfile();
    init_module();
    init_semver2();
    init_findings();
    rangeOf = (r) => r.low === r.high ? r.low : `[${r.low}, ${r.high}]`;
    covers = (r, v) => compare(r.low, v) <= 0 && compare(v, r.high) <= 0;
    sameInterval = (a, b) => a.low === b.low && a.high === b.high;
    deprecationText = (d) => d === void 0 || d === "" ? "" : shortenRationale(d, "");
    directiveMessage = (r) => r.rationale === "" ? "retracted by module author" : `retracted by module author: ${shortenRationale(r.rationale)}`;
    lineOf = (m, r) => ({
      file: m.goModPath,
      ...r?.line !== void 0 ? { line: r.line } : {}
    });
    moduleLineOf = (m) => ({ file: m.goModPath, ...m.moduleLine });
  }
});

// src/checks/types.ts
var REPORT_SCHEMA;
var init_types2 = __esm({
  "src/checks/types.ts"() {
    "use strict";
    REPORT_SCHEMA = "modseal.release-report/v1";
  }
});

// node_modules/diff/libesm/diff/base.js
var Diff;
var init_base = __esm({
  "node_modules/diff/libesm/diff/base.js"() {
    Diff = class {
      diff(oldStr, newStr, options2 = {}) {
        let callback;
        if (typeof options2 === "function") {
          callback = options2;
          options2 = {};
        } else if ("callback" in options2) {
          callback = options2.callback;
        }
        const oldString = this.castInput(oldStr, options2);
        const newString = this.castInput(newStr, options2);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options2));
        const newTokens = this.removeEmpty(this.tokenize(newString, options2));
        return this.diffWithOptionsObj(oldTokens, newTokens, options2, callback);
      }
      diffWithOptionsObj(oldTokens, newTokens, options2, callback) {
        var _a;
        const done = (value) => {
          value = this.postProcess(value, options2);
          if (callback) {
            setTimeout(function() {
              callback(value);
            }, 0);
            return void 0;
          } else {
            return value;
          }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options2.maxEditLength != null) {
          maxEditLength = Math.min(maxEditLength, options2.maxEditLength);
        }
        const maxExecutionTime = (_a = options2.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options2);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        const execEditLength = () => {
          for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
            let basePath;
            const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
            if (removePath) {
              bestPath[diagonalPath - 1] = void 0;
            }
            let canAdd = false;
            if (addPath) {
              const addPathNewPos = addPath.oldPos - diagonalPath;
              canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
            }
            const canRemove = removePath && removePath.oldPos + 1 < oldLen;
            if (!canAdd && !canRemove) {
              bestPath[diagonalPath] = void 0;
              continue;
            }
            if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
              basePath = this.addToPath(addPath, true, false, 0, options2);
            } else {
              basePath = this.addToPath(removePath, false, true, 1, options2);
            }
            newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options2);
            if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
              return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
            } else {
              bestPath[diagonalPath] = basePath;
              if (basePath.oldPos + 1 >= oldLen) {
                maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
              }
              if (newPos + 1 >= newLen) {
                minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
              }
            }
          }
          editLength++;
        };
        if (callback) {
          (function exec() {
            setTimeout(function() {
              if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                return callback(void 0);
              }
              if (!execEditLength()) {
                exec();
              }
            }, 0);
          })();
        } else {
          while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
            const ret = execEditLength();
            if (ret) {
              return ret;
            }
          }
        }
      }
      addToPath(path17, added, removed, oldPosInc, options2) {
        const last = path17.lastComponent;
        if (last && !options2.oneChangePerToken && last.added === added && last.removed === removed) {
          return {
            oldPos: path17.oldPos + oldPosInc,
            lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
          };
        } else {
          return {
            oldPos: path17.oldPos + oldPosInc,
            lastComponent: { count: 1, added, removed, previousComponent: last }
          };
        }
      }
      extractCommon(basePath, newTokens, oldTokens, diagonalPath, options2) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options2)) {
          newPos++;
          oldPos++;
          commonCount++;
          if (options2.oneChangePerToken) {
            basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
          }
        }
        if (commonCount && !options2.oneChangePerToken) {
          basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
      }
      equals(left, right, options2) {
        if (options2.comparator) {
          return options2.comparator(left, right);
        } else {
          return left === right || !!options2.ignoreCase && left.toLowerCase() === right.toLowerCase();
        }
      }
      removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
          if (array[i]) {
            ret.push(array[i]);
          }
        }
        return ret;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      castInput(value, options2) {
        return value;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      tokenize(value, options2) {
        return Array.from(value);
      }
      join(chars) {
        return chars.join("");
      }
      postProcess(changeObjects, options2) {
        return changeObjects;
      }
      get useLongestToken() {
        return false;
      }
      buildValues(lastComponent, newTokens, oldTokens) {
        const components = [];
        let nextComponent;
        while (lastComponent) {
          components.push(lastComponent);
          nextComponent = lastComponent.previousComponent;
          delete lastComponent.previousComponent;
          lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
          const component = components[componentPos];
          if (!component.removed) {
            if (!component.added && this.useLongestToken) {
              let value = newTokens.slice(newPos, newPos + component.count);
              value = value.map(function(value2, i) {
                const oldValue = oldTokens[oldPos + i];
                return oldValue.length > value2.length ? oldValue : value2;
              });
              component.value = this.join(value);
            } else {
              component.value = this.join(newTokens.slice(newPos, newPos + component.count));
            }
            newPos += component.count;
            if (!component.added) {
              oldPos += component.count;
            }
          } else {
            component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
            oldPos += component.count;
          }
        }
        return components;
      }
    };
  }
});

// node_modules/diff/libesm/diff/line.js
function diffLines(oldStr, newStr, options2) {
  return lineDiff.diff(oldStr, newStr, options2);
}
function tokenize(value, options2) {
  if (options2.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options2.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}
var LineDiff, lineDiff;
var init_line = __esm({
  "node_modules/diff/libesm/diff/line.js"() {
    init_base();
    LineDiff = class extends Diff {
      constructor() {
        super(...arguments);
        this.tokenize = tokenize;
      }
      equals(left, right, options2) {
        if (options2.ignoreWhitespace) {
          if (!options2.newlineIsToken || !left.includes("\n")) {
            left = left.trim();
          }
          if (!options2.newlineIsToken || !right.includes("\n")) {
            right = right.trim();
          }
        } else if (options2.ignoreNewlineAtEof && !options2.newlineIsToken) {
          if (left.endsWith("\n")) {
            left = left.slice(0, -1);
          }
          if (right.endsWith("\n")) {
            right = right.slice(0, -1);
          }
        }
        return super.equals(left, right, options2);
      }
    };
    lineDiff = new LineDiff();
  }
});

// node_modules/diff/libesm/patch/create.js
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options2) {
  let optionsObj;
  if (!options2) {
    optionsObj = {};
  } else if (typeof options2 === "function") {
    optionsObj = { callback: options2 };
  } else {
    optionsObj = options2;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result2 = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result2.pop();
  } else {
    result2.push(result2.pop().slice(0, -1));
  }
  return result2;
}
var init_create2 = __esm({
  "node_modules/diff/libesm/patch/create.js"() {
    init_line();
  }
});

// node_modules/diff/libesm/index.js
var init_libesm = __esm({
  "node_modules/diff/libesm/index.js"() {
    init_create2();
  }
});

// src/internal/text-diff.ts
function isBinary(buf) {
  if (buf.subarray(0, 8e3).includes(0)) return true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return false;
  } catch {
    return true;
  }
}
function range(start, count) {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
function unifiedDiff(oldLabel, newLabel, oldBuf, newBuf, limits = {}) {
  const lim = { ...DEFAULTS, ...limits };
  if (oldBuf.equals(newBuf)) return { kind: "identical" };
  if (isBinary(oldBuf) || isBinary(newBuf)) return { kind: "binary" };
  if (oldBuf.length > lim.maxBytes || newBuf.length > lim.maxBytes) {
    return { kind: "too-large", reason: `larger than ${lim.maxBytes} bytes` };
  }
  const oldText = oldBuf.toString("utf8");
  const newText = newBuf.toString("utf8");
  const lineCount = (t) => (t.match(/\n/g)?.length ?? 0) + (t === "" || t.endsWith("\n") ? 0 : 1);
  if (lineCount(oldText) > lim.maxLines || lineCount(newText) > lim.maxLines) {
    return { kind: "too-large", reason: `more than ${lim.maxLines} lines` };
  }
  const patch = structuredPatch(oldLabel, newLabel, oldText, newText, void 0, void 0, {
    context: lim.context,
    maxEditLength: lim.maxEdits
  });
  if (patch === void 0) {
    return { kind: "too-large", reason: `more than ${lim.maxEdits} changed lines` };
  }
  const out = [`--- ${oldLabel}`, `+++ ${newLabel}`];
  let truncated = false;
  for (const h of patch.hunks) {
    if (out.length >= lim.maxOutputLines) {
      truncated = true;
      break;
    }
    out.push(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`);
    for (const line of h.lines) {
      if (out.length >= lim.maxOutputLines) {
        truncated = true;
        break;
      }
      out.push(line);
    }
  }
  return { kind: "diff", text: out.join("\n") + "\n", truncated };
}
var DEFAULTS;
var init_text_diff = __esm({
  "src/internal/text-diff.ts"() {
    "use strict";
    init_libesm();
    DEFAULTS = {
      context: 3,
      maxBytes: 512 * 1024,
      maxLines: 1e4,
      maxEdits: 1e3,
      maxOutputLines: 200
    };
  }
});

// src/checks/zip-compare.ts
async function compareZips(mirror, local, limits = {}) {
  const maxDiffFiles = limits.maxDiffFiles ?? 20;
  const added = [...local.files.keys()].filter((n) => !mirror.files.has(n)).sort(compareGoStrings);
  const removed = [...mirror.files.keys()].filter((n) => !local.files.has(n)).sort(compareGoStrings);
  const changedNames = [...local.files.keys()].filter((n) => mirror.files.has(n) && mirror.files.get(n) !== local.files.get(n)).sort(compareGoStrings);
  const changed = [];
  for (const name of changedNames) {
    const change = {
      name,
      mirrorSha256: mirror.files.get(name) ?? "",
      localSha256: local.files.get(name) ?? ""
    };
    if (changed.length >= maxDiffFiles) {
      change.note = `no diff: only the first ${maxDiffFiles} changed files are diffed`;
    } else {
      const [oldBuf, newBuf] = await Promise.all([mirror.readFile(name), local.readFile(name)]);
      if (oldBuf === void 0 || newBuf === void 0) {
        change.note = "no diff: content not available";
      } else {
        const d = unifiedDiff(`mirror/${name}`, `local/${name}`, oldBuf, newBuf, limits);
        if (d.kind === "diff") {
          change.diff = d.text;
          if (d.truncated) change.note = "diff cut short";
        } else if (d.kind === "binary") {
          change.note = "binary file";
        } else if (d.kind === "too-large") {
          change.note = `no diff: ${d.reason}`;
        } else {
          change.note = "contents are equal although the recorded sha256 differ";
        }
      }
    }
    changed.push(change);
  }
  return { added, removed, changed };
}
var init_zip_compare = __esm({
  "src/checks/zip-compare.ts"() {
    "use strict";
    init_go_string();
    init_text_diff();
  }
});

// src/checks/release.ts
function defaultTimeoutMs(warmTimeoutMs) {
  return warmTimeoutMs + TIMEOUT_MARGIN_MS;
}
async function runReleaseCheck(input, ports) {
  const { clock, logger } = ports;
  const start = clock.now();
  const deadline = input.deadline ?? start + (input.timeoutMs ?? defaultTimeoutMs(input.warmTimeoutMs));
  const asker = new Asker({
    clock,
    logger,
    start,
    deadline,
    timeoutText: formatDuration(input.timeoutMs ?? deadline - start)
  });
  const ledger = new StepLedger();
  const tag = input.tag;
  const local = await inGroup(
    logger,
    `${tag}: rebuilding the module zip locally`,
    () => rebuild(ports, input)
  );
  const sides = await sidesFor(ports, local.modulePath);
  const run = { tag, local, sides, ledger, asker, clock, start };
  const problems = localFindings(local, tag);
  if (problems.length > 0) {
    ledger.set("local", "failed", `${mv(local)} at ${local.commit} is not a valid module version`);
    ledger.setAll(STEP_ORDER.slice(1), "skipped", "not contacted: the version is invalid locally");
    return finish(run, problems, {});
  }
  ledger.set("local", "ok", `${mv(local)} at ${local.commit}: ${local.sum ?? ""}`);
  const ctx = {
    asker,
    ledger,
    logger,
    warm: input.warm,
    patience: Math.min(clock.now() + input.warmTimeoutMs, deadline)
  };
  const held = `${tag}: what ${sides.mirror?.url ?? "the mirror"} and ${sides.sumdb?.name ?? "the checksum database"} hold`;
  const published = await inGroup(logger, held, () => lookupPublished(ctx, sides, local));
  const { mirror } = sides;
  const downloaded = mirror !== void 0 && published.info !== void 0 ? await inGroup(
    logger,
    `${tag}: downloading from ${mirror.url}`,
    () => downloadPublished(ctx, mirror, local)
  ) : { findings: [] };
  const retractions = await inGroup(
    logger,
    `${tag}: retractions and deprecation`,
    () => retractionsStep(ctx, sides, local, published, published.mirrorDown ?? downloaded.mirrorDown)
  );
  const sumdb = await confirmSumdb(ctx, sides.sumdb, local, published);
  const judged = await judge(run, published, downloaded, retractions, sumdb.sum);
  return finish(
    run,
    [
      ...published.findings,
      ...downloaded.findings,
      ...retractions.findings,
      ...sumdb.findings,
      ...judged.findings
    ],
    judged.found
  );
}
async function rebuild(ports, input) {
  const given = input.modulePath;
  const built = await ports.local.build(
    input.tag,
    given === void 0 ? {} : { modulePath: given }
  );
  ports.logger.info(`Rebuilt ${input.tag} locally: ${mv(built)} at ${built.commit}`);
  return built;
}
async function judge(run, published, downloaded, seen, sum) {
  const { local, sides } = run;
  const sumdb = sum?.kind === "found" ? { zip: sum.zipHash, mod: sum.goModHash } : void 0;
  const hashes = { local: localHashes(local), mirror: downloaded.hashes, sumdb };
  const cmp = compareSides({
    ...hashes,
    commit: local.commit,
    info: published.info,
    fetchedByUs: published.fetchedByUs
  });
  for (const s of cmp.steps) run.ledger.set(s.name, s.status, s.detail);
  const diff = cmp.needDiff && downloaded.zip !== void 0 ? await compareZips(downloaded.zip, {
    files: local.zipFiles,
    readFile: (name) => local.readFile(name)
  }) : void 0;
  const remedy = cmp.broken ? remedyFor({ local, tag: run.tag, seen, sumdbVouched: sumdb !== void 0 }) : void 0;
  const findings = comparisonFindings(cmp, {
    tag: run.tag,
    local,
    hashes,
    mirrorName: sides.mirror?.url,
    sumdbName: sides.sumdb?.name,
    originRef: published.info?.origin?.Ref,
    diff,
    fix: remedy === void 0 ? void 0 : remedyFix(local.version, remedy)
  });
  if (local.version.endsWith("+incompatible")) {
    const at = atModuleLine(local);
    findings.push(
      incompatible({ path: local.modulePath, tag: run.tag, version: local.version, at })
    );
  }
  return {
    findings,
    found: { mirror: hashes.mirror, sumdb, mirrorCommit: cmp.mirrorCommit, diff, remedy }
  };
}
async function retractionsStep(ctx, sides, local, published, mirrorDown) {
  const { mirror } = sides;
  const { asker } = ctx;
  let listed = published.listed;
  let listUnavailable = mirror === void 0 ? `no mirror: ${sides.mirrorOff ?? "GOPROXY does not name one for this module"}` : listed !== void 0 && listed.kind !== "unreachable" ? void 0 : mirrorDown !== void 0 ? `the mirror could not be reached: ${mirrorDown}` : asker.outOfTime !== void 0 ? `${asker.deadlineText} ran out` : void 0;
  const path17 = local.modulePath;
  if (mirror !== void 0 && listUnavailable === void 0 && listed === void 0) {
    const l = await asker.ask(`${mirror.url} version list of ${path17}`, () => mirror.list(path17));
    listed = usableList(l.result, path17);
    if (listed.kind === "unreachable" && listed.deadline === true) {
      listUnavailable = `${asker.deadlineText} ran out`;
    }
  }
  const known = listed;
  const findings = await retractionFindings({
    released: local,
    ...mirror !== void 0 ? {
      mirror: {
        url: mirror.url,
        list: () => Promise.resolve(known ?? { kind: "ok", versions: [] }),
        mod: async (p, v) => (await asker.ask(`${mirror.url} .mod of ${p}@${v}`, () => mirror.mod(p, v))).result
      }
    } : {},
    ...listUnavailable !== void 0 ? { noMirror: listUnavailable } : {},
    logger: ctx.logger
  });
  return {
    findings,
    ...listed !== void 0 ? { listed } : {},
    ...listUnavailable !== void 0 ? { listUnavailable } : {}
  };
}
function finish(run, findings, found) {
  const { asker, ledger, local, sides } = run;
  if (asker.outOfTime !== void 0) {
    ledger.cutShort(`not done: ${asker.deadlineText} ran out`);
    findings.push(
      unreachable({
        kind: "deadline",
        deadline: asker.deadlineText,
        elapsed: formatDuration(run.clock.now() - run.start),
        ...asker.outOfTime
      })
    );
  }
  const steps = ledger.steps();
  const compared = [];
  if (ledger.status("local") === "ok") compared.push("local");
  if (found.mirror?.zip !== void 0) compared.push("mirror");
  if (found.sumdb?.zip !== void 0) compared.push("sumdb");
  const verdict = decideVerdict({ findings, steps });
  const report = {
    schema: REPORT_SCHEMA,
    verdict,
    compared,
    tag: run.tag,
    module: local.modulePath,
    version: local.version,
    commit: local.commit,
    goMod: atModuleLine(local),
    hashes: { local: localHashes(local), mirror: found.mirror ?? {}, sumdb: found.sumdb ?? {} },
    steps,
    findings
  };
  if (sides.mirror !== void 0) report.mirrorUrl = sides.mirror.url;
  if (sides.sumdb !== void 0) report.sumdbName = sides.sumdb.name;
  if (found.mirrorCommit !== void 0) report.mirrorCommit = found.mirrorCommit;
  if (found.diff !== void 0) report.diff = found.diff;
  if (found.remedy !== void 0) report.remedy = found.remedy;
  if (verdict === "pass" && compared.length <= 1) {
    const why = [sides.mirrorOff, sides.sumdbOff].filter((x) => x !== void 0);
    report.localOnly = why.length > 0 ? `${why.join("; ")}: only the local rebuild was checked` : "nothing remote was compared";
  }
  return report;
}
var TIMEOUT_MARGIN_MS;
var init_release = __esm({
  "src/checks/release.ts"() {
    "use strict";
    init_asker();
    init_compare();
    init_context();
    init_download();
    init_findings();
    init_ledger();
    init_local_findings();
    init_ports();
    init_published();
    init_remedy();
    init_retractions();
    init_types2();
    init_zip_compare();
    TIMEOUT_MARGIN_MS = 5 * 6e4;
  }
});

// src/goproxy/deps.ts
var init_deps = __esm({
  "src/goproxy/deps.ts"() {
    "use strict";
    init_module();
    init_semver2();
  }
});

// src/http/redact.ts
function redactUrl(url) {
  const m = userinfo.exec(url);
  if (m === null) return url;
  const info = m[2] ?? "";
  const colon = info.indexOf(":");
  const shown = colon >= 0 ? `${info.slice(0, colon)}:xxxxx` : "xxxxx";
  return `${m[1] ?? ""}${shown}@${url.slice(m[0].length)}`;
}
function redactSecrets(text, secrets) {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 3) out = out.split(s).join("xxxxx");
  }
  return out;
}
var userinfo;
var init_redact = __esm({
  "src/http/redact.ts"() {
    "use strict";
    userinfo = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#@]*)@/;
  }
});

// src/goproxy/env.ts
function parseGoproxy(value) {
  let rest = value === void 0 || value === "" ? defaultGoproxy : value;
  const list = [];
  while (rest !== "") {
    let raw;
    let fallback = "notfound";
    const i = rest.search(/[,|]/);
    if (i >= 0) {
      raw = rest.slice(0, i);
      fallback = rest[i] === "|" ? "any" : "notfound";
      rest = rest.slice(i + 1);
    } else {
      raw = rest;
      rest = "";
    }
    let url = raw.trim();
    if (url === "") continue;
    if (url === "off" || url === "direct") {
      list.push({ url, fallback });
      break;
    }
    if (/[.:/]/.test(url) && !url.includes(":/") && !url.startsWith("/")) {
      url = "https://" + url;
    }
    list.push({ url: checkProxyUrl(url), fallback });
  }
  if (list.length === 0) {
    throw new InputError("GOPROXY list is not the empty string, but contains no entries");
  }
  return list;
}
function checkProxyUrl(url) {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  if (m === null) {
    throw new InputError(`invalid proxy URL missing scheme: ${redactUrl(url)}`);
  }
  const scheme = (m[1] ?? "").toLowerCase();
  const normalized = scheme + url.slice(scheme.length);
  switch (scheme) {
    case "http":
    case "https": {
      let parsed;
      try {
        parsed = new URL(normalized);
      } catch {
        throw new InputError(`parse "${redactUrl(url)}": invalid URL`);
      }
      if (parsed.hostname === "") {
        throw new InputError(`parse "${redactUrl(url)}": missing host`);
      }
      return normalized;
    }
    case "file":
      if (!/^file:\/\/\/[^?#]*$/.test(normalized) && !/^file:\/[^/?#][^?#]*$/.test(normalized)) {
        throw new InputError(
          `invalid file:// proxy URL with non-path elements: ${redactUrl(normalized)}`
        );
      }
      return normalized;
    default:
      throw new InputError(
        `invalid proxy URL scheme (must be https, http, file): ${redactUrl(normalized)}`
      );
  }
}
function goEnvFromProcess(env, platform = process.platform) {
  const get = (k) => env[k] ?? "";
  const or = (k, def) => get(k) !== "" ? get(k) : def;
  const goprivate = get("GOPRIVATE");
  let netrc = get("NETRC");
  if (netrc === "") {
    netrc = platform === "win32" ? `${get("USERPROFILE")}\\_netrc` : `${get("HOME") !== "" ? get("HOME") : "~"}/.netrc`;
  }
  return {
    GOPROXY: or("GOPROXY", defaultGoproxy),
    GOPRIVATE: goprivate,
    GONOPROXY: or("GONOPROXY", goprivate),
    GONOSUMDB: or("GONOSUMDB", goprivate),
    GOSUMDB: or("GOSUMDB", defaultGosumdb),
    GOINSECURE: get("GOINSECURE"),
    NETRC: netrc
  };
}
function useProxyFor(env, modulePath2) {
  if (env.GOPROXY === "direct") return false;
  return !matchPrefixPatterns(env.GONOPROXY, modulePath2);
}
function useSumdbFor(env, modulePath2) {
  if (modulePath2 === "golang.org/toolchain") return true;
  return env.GOSUMDB !== "off" && !matchPrefixPatterns(env.GONOSUMDB, modulePath2);
}
var defaultGoproxy, defaultGosumdb;
var init_env = __esm({
  "src/goproxy/env.ts"() {
    "use strict";
    init_errors();
    init_deps();
    init_redact();
    defaultGoproxy = "https://proxy.golang.org,direct";
    defaultGosumdb = "sum.golang.org";
  }
});

// src/http/errors.ts
function isTransient(e) {
  if (e instanceof NetworkError) return e.systemCode !== "EPROXY";
  if (e instanceof DeadlineError) return false;
  if (e instanceof TimeoutError) return true;
  if (e instanceof ServerError) return e.status === 408 || e.status === 429 || e.status >= 500;
  return false;
}
var HttpError, HttpAnswerError, NotFoundError, ServerError, TimeoutError, DeadlineError, TooLargeError, ProtocolError, NetworkError;
var init_errors3 = __esm({
  "src/http/errors.ts"() {
    "use strict";
    init_errors();
    HttpError = class extends ModsealError {
      name = "HttpError";
      /** The URL as safe to show: credentials replaced by `xxxxx`. */
      url;
      constructor(message, url, options2) {
        super(message, options2);
        this.url = url;
      }
    };
    HttpAnswerError = class extends HttpError {
      status;
      statusText;
      body;
      detail;
      constructor(message, url, fields2) {
        super(message, url);
        this.status = fields2.status;
        this.statusText = fields2.statusText;
        this.body = fields2.body;
        this.detail = fields2.detail;
      }
    };
    NotFoundError = class extends HttpAnswerError {
      name = "NotFoundError";
      code = "not-found";
    };
    ServerError = class extends HttpAnswerError {
      name = "ServerError";
      code = "server-error";
      retryAfterMs;
      constructor(message, url, fields2) {
        super(message, url, fields2);
        if (fields2.retryAfterMs !== void 0) this.retryAfterMs = fields2.retryAfterMs;
      }
    };
    TimeoutError = class extends HttpError {
      name = "TimeoutError";
      code = "timeout";
    };
    DeadlineError = class extends TimeoutError {
      constructor(message, url, sent) {
        super(message, url);
        this.sent = sent;
      }
      sent;
      name = "DeadlineError";
      code = "deadline";
    };
    TooLargeError = class extends HttpError {
      constructor(message, url, limit) {
        super(message, url);
        this.limit = limit;
      }
      limit;
      name = "TooLargeError";
      code = "too-large";
    };
    ProtocolError = class extends HttpError {
      name = "ProtocolError";
      code = "protocol-error";
    };
    NetworkError = class extends HttpError {
      name = "NetworkError";
      code = "network-error";
      /** Node's error code (`ECONNREFUSED`, …) when there is one. */
      systemCode;
      constructor(message, url, systemCode, options2) {
        super(message, url, options2);
        if (systemCode !== void 0) this.systemCode = systemCode;
      }
    };
  }
});

// src/goproxy/errors.ts
var SkippedError;
var init_errors4 = __esm({
  "src/goproxy/errors.ts"() {
    "use strict";
    init_errors3();
    SkippedError = class extends HttpError {
      name = "SkippedError";
      code = "skipped";
    };
  }
});

// src/goproxy/info.ts
function field(obj, name) {
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower2 = name.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower2) return obj[k];
  return void 0;
}
function stringField(obj, name, where2) {
  const v = field(obj, name);
  if (v === void 0 || v === null) return void 0;
  if (typeof v !== "string") {
    throw new Error(
      `json: cannot unmarshal ${jsonType(v)} into Go struct field ${where2}.${name} of type string`
    );
  }
  return v;
}
function jsonType(v) {
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  return typeof v;
}
function parseInfo(body) {
  const text = typeof body === "string" ? body : body.toString("utf8");
  let v;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e), { cause: e });
  }
  if (v === null) return { Version: "" };
  if (typeof v !== "object" || Array.isArray(v)) {
    throw new Error(`json: cannot unmarshal ${jsonType(v)} into Go value of type modfetch.RevInfo`);
  }
  const obj = v;
  const info = { Version: stringField(obj, "Version", "RevInfo") ?? "" };
  const time = stringField(obj, "Time", "RevInfo");
  if (time !== void 0) {
    if (!rfc3339.test(time)) throw new Error(`parsing time "${time}" as RFC 3339: cannot parse`);
    info.Time = time;
  }
  const o = field(obj, "Origin");
  if (o !== void 0 && o !== null) {
    if (typeof o !== "object" || Array.isArray(o)) {
      throw new Error(`json: cannot unmarshal ${jsonType(o)} into Go struct field RevInfo.Origin`);
    }
    const origin = {};
    for (const k of originKeys) {
      const s = stringField(o, k, "Origin");
      if (s !== void 0 && s !== "") origin[k] = s;
    }
    info.Origin = origin;
  }
  return info;
}
var originKeys, rfc3339;
var init_info = __esm({
  "src/goproxy/info.ts"() {
    "use strict";
    originKeys = [
      "VCS",
      "URL",
      "Subdir",
      "Hash",
      "TagPrefix",
      "TagSum",
      "Ref",
      "RepoSum"
    ];
    rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  }
});

// src/http/outbound-proxy.ts
import { domainToASCII } from "node:url";
function ipv4(a, b, c, d) {
  return Uint8Array.from([...v4Prefix, a, b, c, d]);
}
function to4(ip) {
  if (ip.length === 4) return ip;
  for (let i = 0; i < 12; i++) if (ip[i] !== v4Prefix[i]) return void 0;
  return ip.subarray(12);
}
function numberPrefix(s, base) {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const d = parseInt(s[i] ?? "", base);
    if (Number.isNaN(d)) break;
    n = n * base + d;
    if (n >= 16777215) return [-1, i];
  }
  return [i === 0 ? -1 : n, i];
}
function decimalPrefix(s) {
  return numberPrefix(s, 10);
}
function parseIpv4(text) {
  const parts = [];
  let s = text;
  for (let i = 0; i < 4; i++) {
    if (s === "") return void 0;
    if (i > 0) {
      if (s[0] !== ".") return void 0;
      s = s.slice(1);
    }
    const [n, used] = decimalPrefix(s);
    if (n < 0 || n > 255) return void 0;
    if (used > 1 && s[0] === "0") return void 0;
    parts.push(n);
    s = s.slice(used);
  }
  if (s !== "") return void 0;
  return ipv4(parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0);
}
function parseIpv6(text) {
  const ip = new Uint8Array(16);
  let s = text;
  let ellipsis = -1;
  if (s.startsWith("::")) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === "") return ip;
  }
  let i = 0;
  while (i < 16) {
    const [n, used] = numberPrefix(s, 16);
    if (n < 0 || n > 65535) return void 0;
    if (s[used] === ".") {
      if (ellipsis < 0 && i !== 12 || i + 4 > 16) return void 0;
      const v4 = parseIpv4(s);
      if (v4 === void 0) return void 0;
      ip.set(v4.subarray(12), i);
      s = "";
      i += 4;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 255;
    i += 2;
    s = s.slice(used);
    if (s === "") break;
    if (s[0] !== ":" || s.length === 1) return void 0;
    s = s.slice(1);
    if (s[0] === ":") {
      if (ellipsis >= 0) return void 0;
      ellipsis = i;
      s = s.slice(1);
      if (s === "") break;
    }
  }
  if (s !== "") return void 0;
  if (i < 16) {
    if (ellipsis < 0) return void 0;
    const gap = 16 - i;
    ip.copyWithin(ellipsis + gap, ellipsis, i);
    ip.fill(0, ellipsis, ellipsis + gap);
  } else if (ellipsis >= 0) {
    return void 0;
  }
  return ip;
}
function parseIp(s) {
  for (const c of s) {
    if (c === ".") return parseIpv4(s);
    if (c === ":") return parseIpv6(s);
  }
  return void 0;
}
function prefixMask(ones, bytes) {
  const m = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    const bits = Math.max(0, Math.min(8, ones - 8 * i));
    m[i] = 65280 >> bits & 255;
  }
  return m;
}
function parseCidr(s) {
  const slash = s.indexOf("/");
  if (slash < 0) return void 0;
  const addr = s.slice(0, slash);
  const bitsText = s.slice(slash + 1);
  let bytes = 4;
  let ip = parseIpv4(addr);
  if (ip === void 0) {
    bytes = 16;
    ip = parseIpv6(addr);
  }
  const [bits, used] = decimalPrefix(bitsText);
  if (ip === void 0 || bits < 0 || used !== bitsText.length || bits > 8 * bytes) {
    return void 0;
  }
  const mask = prefixMask(bits, bytes);
  const base = bytes === 4 ? ip.subarray(12) : ip;
  return { net: base.map((b, i) => b & (mask[i] ?? 0)), mask };
}
function cidrContains(c, ip) {
  const net = to4(c.net) ?? c.net;
  const mask = net.length === 4 && c.mask.length === 16 ? c.mask.subarray(12) : c.mask;
  const target = to4(ip) ?? ip;
  if (target.length !== net.length || mask.length !== net.length) return false;
  for (let i = 0; i < net.length; i++) {
    const m = mask[i] ?? 0;
    if (((net[i] ?? 0) & m) !== ((target[i] ?? 0) & m)) return false;
  }
  return true;
}
function sameIp(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
function isLoopbackIp(ip) {
  const v4 = to4(ip);
  if (v4 !== void 0) return v4[0] === 127;
  return ip.every((b, i) => b === (i === 15 ? 1 : 0));
}
function splitHostPort(hostport) {
  const colon = hostport.lastIndexOf(":");
  if (colon < 0) return void 0;
  let host;
  let from = 0;
  let to = 0;
  if (hostport.startsWith("[")) {
    const end = hostport.indexOf("]");
    if (end < 0 || end + 1 !== colon) return void 0;
    host = hostport.slice(1, end);
    from = 1;
    to = end + 1;
  } else {
    host = hostport.slice(0, colon);
    if (host.includes(":")) return void 0;
  }
  if (hostport.slice(from).includes("[") || hostport.slice(to).includes("]")) return void 0;
  return [host, hostport.slice(colon + 1)];
}
function isAscii(s) {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
function hasBlankOrControl(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 127 || c === 92) return true;
  }
  return false;
}
function idnaAscii(s) {
  if (isAscii(s)) return s;
  const lead = s.startsWith(".") ? "." : "";
  const ascii = domainToASCII(s.slice(lead.length));
  return ascii === "" ? s : lead + ascii;
}
function parseNoProxy(value) {
  const ip = [];
  const domain = [];
  for (const raw of value.split(",")) {
    const entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    if (entry === "*") return { ip: [{ kind: "all" }], domain: [{ kind: "all" }] };
    const cidr = parseCidr(entry);
    if (cidr !== void 0) {
      ip.push({ kind: "cidr", cidr });
      continue;
    }
    let host = entry;
    let port = "";
    const split = splitHostPort(entry);
    if (split !== void 0) {
      [host, port] = split;
      if (host === "") continue;
      if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
    }
    const addr = parseIp(host);
    if (addr !== void 0) {
      ip.push({ kind: "ip", ip: addr, port });
      continue;
    }
    if (host === "") continue;
    if (host.startsWith("*.")) host = host.slice(1);
    const alsoExact = !host.startsWith(".");
    if (alsoExact) host = "." + host;
    domain.push({ kind: "domain", host: idnaAscii(host), port, alsoExact });
  }
  return { ip, domain };
}
function matches(m, host, port, ip) {
  switch (m.kind) {
    case "all":
      return true;
    case "cidr":
      return ip !== void 0 && cidrContains(m.cidr, ip);
    case "ip":
      return ip !== void 0 && sameIp(m.ip, ip) && (m.port === "" || m.port === port);
    case "domain":
      return (host.endsWith(m.host) || m.alsoExact && host === m.host.slice(1)) && (m.port === "" || m.port === port);
  }
}
function goParsable(s) {
  if (hasBlankOrControl(s)) return void 0;
  if (/%(?![0-9A-Fa-f]{2})/.test(s.split("?")[0] ?? "")) return void 0;
  try {
    return new URL(s);
  } catch {
    return void 0;
  }
}
function parseProxySetting(value) {
  if (value === "") return void 0;
  const direct = goParsable(value);
  if (direct === void 0 || direct.host === "") {
    const withScheme = goParsable(`http://${value}`);
    if (withScheme !== void 0) return withScheme;
  }
  return direct;
}
function firstSet(env, ...names) {
  for (const n of names) {
    const v = env[n];
    if (v !== void 0 && v !== "") return v;
  }
  return "";
}
function proxyResolver(env, options2 = {}) {
  const httpProxy = parseProxySetting(firstSet(env, "HTTP_PROXY", "http_proxy"));
  const httpsProxy = parseProxySetting(firstSet(env, "HTTPS_PROXY", "https_proxy"));
  const noProxy = parseNoProxy(firstSet(env, "NO_PROXY", "no_proxy"));
  const cgi = (env.REQUEST_METHOD ?? "") !== "";
  function useProxy(url) {
    const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
    const host = idnaAscii(hostname).trim().toLowerCase();
    const port = url.port !== "" ? url.port : defaultPorts[url.protocol] ?? "";
    const ip = parseIp(host);
    if (options2.loopback !== true) {
      if (hostname === "localhost") return false;
      if (ip !== void 0 && isLoopbackIp(ip)) return false;
    }
    if (ip !== void 0 && noProxy.ip.some((m) => matches(m, host, port, ip))) return false;
    return !noProxy.domain.some((m) => matches(m, host, port, ip));
  }
  return (url) => {
    let proxy;
    if (url.protocol === "https:") {
      proxy = httpsProxy;
    } else if (url.protocol === "http:") {
      proxy = httpProxy;
      if (proxy !== void 0 && cgi) throw new ProxyRefusedError(cgiProxyRefusal);
    }
    if (proxy === void 0 || !useProxy(url)) return void 0;
    return new URL(proxy.href);
  };
}
function proxyForUrl(url, env, options2 = {}) {
  return proxyResolver(env, options2)(url);
}
function proxyAuthorization(proxy) {
  if (proxy.username === "" && proxy.password === "") return void 0;
  const user = safeDecode(proxy.username);
  const pass = safeDecode(proxy.password);
  return "Basic " + Buffer.from(`${user}:${pass}`).toString("base64");
}
function proxySecrets(env) {
  const out = [];
  for (const names of [
    ["HTTP_PROXY", "http_proxy"],
    ["HTTPS_PROXY", "https_proxy"]
  ]) {
    const p = parseProxySetting(firstSet(env, ...names));
    if (p === void 0) continue;
    for (const s of [p.username, p.password]) {
      if (s === "") continue;
      out.push(s);
      const decoded = safeDecode(s);
      if (decoded !== s) out.push(decoded);
    }
    const auth = proxyAuthorization(p);
    if (auth !== void 0) out.push(auth.slice("Basic ".length));
  }
  return out;
}
function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
var cgiProxyRefusal, ProxyRefusedError, v4Prefix, defaultPorts;
var init_outbound_proxy = __esm({
  "src/http/outbound-proxy.ts"() {
    "use strict";
    cgiProxyRefusal = "refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy";
    ProxyRefusedError = class extends Error {
      name = "ProxyRefusedError";
    };
    v4Prefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255];
    defaultPorts = { "http:": "80", "https:": "443" };
  }
});

// src/http/error-detail.ts
function isShowableContentType(contentType) {
  if (contentType === void 0) return false;
  const parts = contentType.split(";");
  const media = (parts[0] ?? "").trim().toLowerCase();
  if (media !== "text/plain") return false;
  let charset = "";
  for (const p of parts.slice(1)) {
    const eq = p.indexOf("=");
    if (eq < 0) continue;
    if (p.slice(0, eq).trim().toLowerCase() !== "charset") continue;
    charset = p.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1").toLowerCase();
  }
  return charset === "" || charset === "utf-8" || charset === "us-ascii";
}
function formatErrorDetail(body, contentType) {
  if (!isShowableContentType(contentType)) return "";
  let s;
  try {
    s = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return "";
  }
  if (!graphicOrSpace.test(s)) return "";
  let detail = "";
  const lines = s.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") break;
    if (i > 0) detail += "\n	";
    if (i >= maxDetailLines) {
      detail += "[Truncated: too many lines.]";
      break;
    }
    if (Buffer.byteLength(detail) + Buffer.byteLength(line) > maxDetailBytes) {
      detail += "[Truncated: too long.]";
      break;
    }
    detail += line;
  }
  return detail;
}
function formatHttpError(redactedUrl, statusText, detail) {
  if (detail === "") return `reading ${redactedUrl}: ${statusText}`;
  const sep = detail.includes("\n") ? "\n	" : " ";
  return `reading ${redactedUrl}: ${statusText}
	server response:${sep}${detail}`;
}
function unreachableFix(what, url, env) {
  const shown = redactUrl(url);
  let route = "";
  if (env !== void 0) {
    let proxy;
    try {
      proxy = proxyForUrl(new URL(url), env);
    } catch {
      proxy = void 0;
    }
    route = proxy === void 0 ? " It was tried directly: no HTTPS_PROXY/HTTP_PROXY applies to it." : ` It was tried through the proxy ${redactUrl(proxy.href)} (HTTPS_PROXY/HTTP_PROXY): check that proxy, or list the host in NO_PROXY to connect directly.`;
  }
  return `Check that this machine can reach ${what} at ${shown}: without network access, or behind a firewall, nothing can be checked; behind a proxy, set HTTPS_PROXY (HTTP_PROXY for http:// URLs) and keep the host out of NO_PROXY.` + route + " Nothing about the module was decided: re-run once it is reachable.";
}
var maxDetailLines, maxDetailBytes, graphicOrSpace;
var init_error_detail = __esm({
  "src/http/error-detail.ts"() {
    "use strict";
    init_outbound_proxy();
    init_redact();
    maxDetailLines = 8;
    maxDetailBytes = maxDetailLines * 81;
    graphicOrSpace = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\p{White_Space}\u0085\u00a0]*$/u;
  }
});

// src/goproxy/zip-deps.ts
async function checkAndHashZip(m, zipPath) {
  const prefix = `${m.path}@${m.version}/`;
  const zip = await openModuleZip(zipPath);
  let stray;
  try {
    stray = zip.entries.find((e) => !e.name.startsWith(prefix))?.name;
  } finally {
    zip.close();
  }
  const report = await hashZipContent(m, zipPath);
  if (stray !== void 0) {
    return {
      h1: report.hash,
      problem: `zip for ${prefix.slice(0, -1)} has unexpected file ${stray}`
    };
  }
  if (report.error !== void 0) return { h1: report.hash, problem: report.error.message };
  return { h1: report.hash };
}
var init_zip_deps = __esm({
  "src/goproxy/zip-deps.ts"() {
    "use strict";
    init_modzip();
  }
});

// src/goproxy/client.ts
import { createHash as createHash5, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir as mkdir2, rename, rm as rm2 } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform as Transform3 } from "node:stream";
function withContext(e) {
  contextAdded.add(e);
  return e;
}
function parseList(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const f = fields(line);
    const v = f[0];
    if (v === void 0 || !isValid(v) || isPseudoVersion(v)) continue;
    out.push(f[1] === void 0 ? { version: v } : { version: v, time: f[1] });
  }
  return out;
}
function fields(line) {
  return line.split(/\s+/).filter((s) => s !== "");
}
function pathEscape(s) {
  return s.replace(
    /[^A-Za-z0-9\-_.~$&+:=@/]/g,
    (c) => Array.from(Buffer.from(c, "utf8")).map((b) => "%" + b.toString(16).toUpperCase().padStart(2, "0")).join("")
  );
}
function statusTextOf(r) {
  if (typeof r.statusText === "string" && r.statusText !== "") return r.statusText;
  return String(r.status);
}
function httpError(url, status, statusText, headers, body, clock) {
  const shown = redactUrl(url);
  const detail = formatErrorDetail(body, headers["content-type"]);
  const message = formatHttpError(shown, statusText, detail);
  const fields2 = { status, statusText, body: body.toString("utf8"), detail };
  if (status === 404 || status === 410) return new NotFoundError(message, shown, fields2);
  const retryAfterMs = parseRetryAfter(headers["retry-after"], clock.now());
  return new ServerError(
    message,
    shown,
    retryAfterMs === void 0 ? fields2 : { ...fields2, retryAfterMs }
  );
}
function zipTooLarge(e) {
  if (e instanceof TooLargeError) {
    return new TooLargeError("downloaded zip file too large", e.url, e.limit);
  }
  return e;
}
var maxZipBytes, maxModBytes, maxSmallBytes, GoproxyClient, contextAdded;
var init_client = __esm({
  "src/goproxy/client.ts"() {
    "use strict";
    init_deps();
    init_env();
    init_error_detail();
    init_errors3();
    init_redact();
    init_errors4();
    init_info();
    init_retry();
    init_zip_deps();
    maxZipBytes = 500 << 20;
    maxModBytes = 16 << 20;
    maxSmallBytes = 1 << 20;
    GoproxyClient = class {
      entries;
      http;
      env;
      policy;
      clock;
      random;
      smallMs;
      modMs;
      zipMs;
      constructor(opts) {
        this.entries = typeof opts.proxy === "string" ? parseGoproxy(opts.proxy) : opts.proxy;
        this.http = opts.http;
        this.env = opts.env;
        this.policy = { ...defaultRetryPolicy, ...opts.retry };
        this.clock = opts.clock ?? systemClock;
        this.random = opts.random ?? Math.random;
        this.smallMs = opts.timeouts?.smallMs ?? 3e4;
        this.modMs = opts.timeouts?.modMs ?? 6e4;
        this.zipMs = opts.timeouts?.zipMs ?? 15 * 6e4;
      }
      /** `@v/list`: versions in the server's order, invalid and pseudo-versions dropped. */
      async list(path17) {
        return this.tryProxies(path17, "", async (base) => {
          const { body } = await this.fetchBytes(base, path17, "@v/list", maxSmallBytes, this.smallMs);
          return parseList(body.toString("utf8"));
        });
      }
      /**
       * `@v/<version>.info`. As in Go, a request for a canonical version valid for
       * the path must be answered with exactly that version; a query or a
       * `vN.x.y` without `/vN` (answered `+incompatible`) may resolve elsewhere.
       */
      async info(path17, version) {
        return this.tryProxies(path17, version, (base) => this.stat(base, path17, version));
      }
      /** `@v/<version>.mod` for a canonical version: the bytes as served (16 MiB cap). */
      async mod(path17, version) {
        this.requireCanonical(path17, version, "GoMod");
        return this.tryProxies(path17, version, async (base) => {
          const enc = this.escVersion(path17, version);
          return (await this.fetchBytes(base, path17, `@v/${enc}.mod`, maxModBytes, this.modMs)).body;
        });
      }
      /** `@latest`, falling back like Go to the newest pseudo-version of the list on not-found. */
      async latest(path17) {
        return this.tryProxies(path17, "", async (base) => {
          let body;
          try {
            body = (await this.fetchBytes(base, path17, "@latest", maxSmallBytes, this.smallMs)).body;
          } catch (e) {
            if (!(e instanceof NotFoundError)) throw e;
            return this.latestFromList(base, path17);
          }
          return this.decodeInfo(base, path17, "", body);
        });
      }
      /**
       * Downloads `@v/<version>.zip` into `destDir` (streamed, at most 500 MiB,
       * Content-Length checked first), then checks it as the go command checks a
       * downloaded zip and hashes it. The file is removed when anything fails.
       */
      async downloadZip(path17, version, destDir) {
        this.requireCanonical(path17, version, "Zip");
        await mkdir2(destDir, { recursive: true });
        const escPath = this.escPath(path17);
        const enc = this.escVersion(path17, version);
        const finalPath = join(destDir, `${escPath.replaceAll("/", "%2F")}@${enc}.zip`);
        const answer2 = await this.tryProxies(path17, version, async (base) => {
          const tmp2 = `${finalPath}.${randomBytes(6).toString("hex")}.tmp`;
          try {
            const r = await this.fetchZip(base, path17, version, `@v/${enc}.zip`, tmp2);
            return { tmp: tmp2, ...r };
          } catch (e) {
            await rm2(tmp2, { force: true });
            throw e;
          }
        });
        const { tmp, sha256: sha2563, size } = answer2.value;
        try {
          let verdict;
          try {
            verdict = await checkAndHashZip({ path: path17, version }, tmp);
          } catch (e) {
            throw new ProtocolError(
              `${path17}@${version}: ${e instanceof Error ? e.message : String(e)}`,
              answer2.proxy
            );
          }
          if (verdict.problem !== void 0) {
            throw new ProtocolError(verdict.problem, answer2.proxy);
          }
          const h1 = verdict.h1;
          await rename(tmp, finalPath);
          return { ...answer2, value: { zipPath: finalPath, sha256: sha2563, size, h1 } };
        } catch (e) {
          await rm2(tmp, { force: true });
          throw e;
        }
      }
      async fetchZip(base, path17, version, rel, tmp) {
        const url = this.url(base, path17, rel);
        return this.withModuleContext(
          path17,
          version,
          () => withRetry(async () => {
            let r;
            try {
              r = await this.http.getStream(url, { maxBytes: maxZipBytes, timeoutMs: this.zipMs });
            } catch (e) {
              throw zipTooLarge(e);
            }
            if (r.status !== 200) {
              const chunks = [];
              for await (const c of r.body) chunks.push(c);
              throw httpError(
                url,
                r.status,
                statusTextOf(r),
                r.headers,
                Buffer.concat(chunks),
                this.clock
              );
            }
            const hash = createHash5("sha256");
            let size = 0;
            const tap = new Transform3({
              transform(chunk, _enc, cb) {
                hash.update(chunk);
                size += chunk.length;
                cb(null, chunk);
              }
            });
            try {
              await pipeline(r.body, tap, createWriteStream(tmp));
            } catch (e) {
              throw zipTooLarge(e);
            }
            return { sha256: hash.digest("hex"), size };
          }, this.retryContext())
        );
      }
      requireCanonical(path17, version, what) {
        if (version !== canonicalVersion(version)) {
          throw this.versionError(
            path17,
            version,
            new Error(`internal error: version passed to ${what} is not canonical`)
          );
        }
      }
      escPath(path17) {
        try {
          return escapePath(path17);
        } catch (e) {
          throw new ProtocolError(e instanceof Error ? e.message : String(e), "");
        }
      }
      escVersion(path17, version) {
        try {
          return escapeVersion(version);
        } catch (e) {
          throw withContext(
            new ProtocolError(
              this.versionError(path17, version, e instanceof Error ? e : new Error(String(e))).message,
              ""
            )
          );
        }
      }
      url(base, path17, rel) {
        const encPath = pathEscape(this.escPath(path17));
        const relEsc = pathEscape(rel);
        return `${base.replace(/\/$/, "")}/${encPath}/${relEsc}`;
      }
      retryContext() {
        return { policy: this.policy, clock: this.clock, random: this.random, retryable: isTransient };
      }
      async fetchBytes(base, path17, rel, maxBytes, timeoutMs) {
        const url = this.url(base, path17, rel);
        const opts = { maxBytes, timeoutMs };
        return withRetry(async () => {
          const r = await this.http.get(url, opts);
          if (r.status !== 200) {
            throw httpError(url, r.status, statusTextOf(r), r.headers, r.body, this.clock);
          }
          return { body: r.body };
        }, this.retryContext());
      }
      async stat(base, path17, rev) {
        const enc = this.escVersion(path17, rev);
        const { body } = await this.withModuleContext(
          path17,
          rev,
          () => this.fetchBytes(base, path17, `@v/${enc}.info`, maxSmallBytes, this.smallMs)
        );
        const info = this.decodeInfo(base, path17, rev, body);
        if (info.Version !== rev && rev === canonicalVersion(rev) && check(path17, rev) === void 0) {
          throw withContext(
            new ProtocolError(
              this.versionError(
                path17,
                rev,
                new Error(
                  `proxy returned info for version ${info.Version} instead of requested version`
                )
              ).message,
              redactUrl(base)
            )
          );
        }
        return info;
      }
      decodeInfo(base, path17, rev, body) {
        try {
          return parseInfo(body);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          throw withContext(
            new ProtocolError(
              this.versionError(
                path17,
                rev,
                new Error(`invalid response from proxy "${redactUrl(base)}": ${msg}`)
              ).message,
              redactUrl(base)
            )
          );
        }
      }
      async latestFromList(base, path17) {
        const { body } = await this.fetchBytes(base, path17, "@v/list", maxSmallBytes, this.smallMs);
        let best;
        for (const line of body.toString("utf8").split("\n")) {
          const f = fields(line);
          const v = f[0];
          if (v === void 0 || !isValid(v)) continue;
          let t;
          if (f.length >= 2) t = Date.parse(f[1] ?? "");
          else if (isPseudoVersion(v)) {
            try {
              t = pseudoVersionTime(v).getTime();
            } catch {
              t = Number.NaN;
            }
          } else continue;
          if (Number.isNaN(t)) continue;
          if (best === void 0 || t > best.t) best = { t, v };
        }
        if (best === void 0) {
          throw new NotFoundError("no commits", redactUrl(base), {
            status: 404,
            statusText: "404 Not Found",
            body: "",
            detail: ""
          });
        }
        return this.stat(base, path17, best.v);
      }
      // Go's proxyRepo.versionError: a non-canonical version is an invalid version.
      versionError(path17, version, err) {
        if (version !== "" && version !== canonicalVersion(version)) {
          return new ModuleError(
            path17,
            "",
            new InvalidVersionError(version, err, isPseudoVersion(version))
          );
        }
        return new ModuleError(path17, version, err);
      }
      // Prefixes a failure with `path@version: ` (or `module path: `) as Go does, keeping its type.
      async withModuleContext(path17, version, f) {
        try {
          return await f();
        } catch (e) {
          if (e instanceof HttpError && !contextAdded.has(e)) {
            e.message = this.versionError(path17, version, new Error(e.message)).message;
            withContext(e);
          }
          throw e;
        }
      }
      // Go's TryProxies, with `direct`, `off` and GONOPROXY reported as skipped.
      async tryProxies(path17, version, f) {
        const attempts = [];
        if (this.env !== void 0 && !useProxyFor(this.env, path17)) {
          const msg = this.versionError(
            path17,
            version,
            new Error(
              "matches GOPRIVATE/GONOPROXY: the go command fetches it directly, not through a proxy"
            )
          ).message;
          throw withContext(new SkippedError(msg, "noproxy"));
        }
        let best;
        let bestRank = 0;
        for (const entry of this.entries) {
          if (entry.url === "direct" || entry.url === "off") {
            const why = entry.url === "off" ? "module lookup disabled by GOPROXY=off" : 'GOPROXY entry "direct" skipped: modseal never fetches from version control';
            attempts.push({ proxy: entry.url, outcome: "skipped", message: why });
            best ??= withContext(
              new SkippedError(this.versionError(path17, version, new Error(why)).message, entry.url)
            );
            break;
          }
          const shown = redactUrl(entry.url);
          try {
            const value = await this.withModuleContext(path17, version, () => f(entry.url));
            attempts.push({ proxy: shown, outcome: "ok" });
            return { value, proxy: shown, attempts };
          } catch (e) {
            const notFound2 = e instanceof NotFoundError;
            attempts.push({
              proxy: shown,
              outcome: notFound2 ? "not-found" : "error",
              message: e instanceof Error ? e.message : String(e)
            });
            if (!notFound2 && bestRank === 0) {
              best = e;
              bestRank = 1;
            } else if (bestRank === 0 && (best === void 0 || best instanceof SkippedError)) {
              best = e;
            }
            if (entry.fallback !== "any" && !notFound2) break;
          }
        }
        if (best instanceof HttpError) Object.assign(best, { attempts });
        throw best;
      }
    };
    contextAdded = /* @__PURE__ */ new WeakSet();
  }
});

// src/goproxy/warm.ts
function classifyNotFound(body) {
  const b = body.trim();
  if (b === "") return "lag";
  if (b.includes("invalid version: unknown revision")) return "lag";
  if (/invalid version|create zip|malformed/.test(b)) return "refusal";
  return "lag";
}
async function warmOnce(client, path17, version) {
  try {
    const a = await client.info(path17, version);
    let info = a.value;
    if (info.Version === `${version}+incompatible`) {
      info = (await client.info(path17, info.Version)).value;
    }
    return { status: "ready", version: info.Version, info, proxy: a.proxy };
  } catch (e) {
    if (!(e instanceof NotFoundError)) return { status: "error", error: e };
    return classifyNotFound(e.body) === "refusal" ? { status: "refused", error: e, body: e.body } : { status: "lag", error: e, body: e.body };
  }
}
function cachedOnly(baseUrl, hosts = cachedOnlyHosts) {
  let u;
  try {
    u = new URL(baseUrl);
  } catch {
    return void 0;
  }
  if (!hosts.includes(u.host) && !hosts.includes(u.hostname)) return void 0;
  const trimmed = baseUrl.replace(/\/+$/, "");
  return trimmed.endsWith("/cached-only") ? trimmed : `${trimmed}/cached-only`;
}
var cachedOnlyHosts;
var init_warm = __esm({
  "src/goproxy/warm.ts"() {
    "use strict";
    init_errors3();
    cachedOnlyHosts = ["proxy.golang.org"];
  }
});

// src/goproxy/index.ts
var init_goproxy = __esm({
  "src/goproxy/index.ts"() {
    "use strict";
    init_env();
    init_errors4();
    init_info();
    init_client();
    init_warm();
  }
});

// src/http/netrc.ts
import { readFile } from "node:fs/promises";
function parseNetrc(text, problem) {
  const out = [];
  let cur = { machine: "", login: "", password: "" };
  let curLine = 0;
  let inMacro = false;
  const incomplete = () => {
    if (cur.machine === "") return;
    const missing = [cur.login === "" ? "login" : "", cur.password === "" ? "password" : ""].filter((m) => m !== "").join(" and ");
    problem?.(curLine, `the entry for machine ${cur.machine} has no ${missing}`);
  };
  const lines = text.split("\n");
  for (const [n, line] of lines.entries()) {
    if (inMacro) {
      if (line === "") inMacro = false;
      continue;
    }
    const f = line.split(/\s+/).filter((t) => t !== "");
    let i = 0;
    for (; i < f.length - 1; i += 2) {
      const key2 = f[i] ?? "";
      const val = f[i + 1] ?? "";
      if (key2 === "machine") {
        incomplete();
        cur = { machine: val, login: "", password: "" };
        curLine = n + 1;
      } else if (key2 === "login" || key2 === "password") {
        if (cur.machine === "") problem?.(n + 1, `\`${key2}\` outside a machine entry`);
        cur[key2] = val;
      } else if (key2 === "macdef") inMacro = true;
      else if (key2 === "default" || key2 === "account") {
        problem?.(n + 1, `\`${key2}\` and the word after it`);
      } else problem?.(n + 1, "a word where a keyword (machine, login, password) belongs");
      if (cur.machine !== "" && cur.login !== "" && cur.password !== "") {
        out.push(cur);
        cur = { machine: "", login: "", password: "" };
      }
    }
    if (i < f.length) {
      const last = f[i] ?? "";
      if (last === "default") {
        if (lines.slice(n + 1).some((l) => l.trim() !== "")) {
          problem?.(n + 1, "the lines after a lone `default`");
        }
        break;
      }
      problem?.(
        n + 1,
        KEYWORDS.has(last) ? `\`${last}\` without a value on its line` : "a word without a keyword at the end of the line"
      );
    }
  }
  incomplete();
  return out;
}
async function readNetrcFile(file, warn) {
  if (file === void 0 || file === "") return [];
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if (e.code !== "ENOENT") {
      warn(`cannot read the netrc file ${file} (${errorMessage(e)}): no credentials come from it`);
    }
    return [];
  }
  return parseNetrc(text, (line, what) => {
    warn(`netrc file ${file}, line ${line}: ${what}; ignored, as the go command ignores it`);
  });
}
function isLoopback(hostname) {
  return hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "localhost";
}
function basic(user, pass) {
  return "Basic " + Buffer.from(`${user}:${pass}`).toString("base64");
}
function netrcEntryFor(url, machines) {
  let prefix = `${url.host}${url.pathname}${url.search}`.replace(/\/$/, "");
  for (; ; ) {
    const e = machines.get(prefix);
    if (e !== void 0) return e;
    const slash = prefix.lastIndexOf("/");
    if (slash < 0) return void 0;
    prefix = prefix.slice(0, slash);
  }
}
function createCredentials(opts) {
  const origins = /* @__PURE__ */ new Map();
  const secrets = [];
  if (opts.token !== void 0) {
    secrets.push(opts.token);
    const sp = opts.token.indexOf(" ");
    if (sp >= 0) secrets.push(opts.token.slice(sp + 1));
  }
  for (const raw of opts.privateProxies) {
    let u;
    try {
      u = new URL(raw);
    } catch {
      continue;
    }
    if (publicGoHosts.includes(u.hostname)) continue;
    let fromUrl;
    if (u.username !== "" || u.password !== "") {
      const user = decodeURIComponent(u.username);
      const pass = decodeURIComponent(u.password);
      fromUrl = basic(user, pass);
      secrets.push(...[user, pass, u.username, u.password].filter((s) => s !== ""));
    }
    origins.set(u.origin, fromUrl);
  }
  const machines = /* @__PURE__ */ new Map();
  for (const e of opts.netrc ?? []) {
    secrets.push(e.password);
    if (!machines.has(e.machine)) machines.set(e.machine, e);
  }
  return {
    secrets,
    authorizationFor(url) {
      if (publicGoHosts.includes(url.hostname)) return void 0;
      if (!origins.has(url.origin)) return void 0;
      const secure = url.protocol === "https:" || url.protocol === "http:" && opts.allowLoopbackHttp === true && isLoopback(url.hostname);
      if (!secure) return void 0;
      const fromUrl = origins.get(url.origin);
      if (fromUrl !== void 0) return fromUrl;
      if (opts.token !== void 0) return opts.token;
      const e = netrcEntryFor(url, machines);
      return e === void 0 ? void 0 : basic(e.login, e.password);
    }
  };
}
var KEYWORDS, publicGoHosts;
var init_netrc = __esm({
  "src/http/netrc.ts"() {
    "use strict";
    init_errors();
    KEYWORDS = /* @__PURE__ */ new Set(["machine", "login", "password", "macdef", "default", "account"]);
    publicGoHosts = [
      "proxy.golang.org",
      "sum.golang.org",
      "index.golang.org",
      "sum.golang.google.cn"
    ];
  }
});

// src/http/deadline.ts
function withDeadline(http4, opts) {
  const label = opts.label ?? "the deadline";
  const bounded = async (url, options2, send) => {
    const left = opts.deadline - opts.clock.now();
    const shown = redactUrl(url);
    if (left <= 0) {
      throw new DeadlineError(`Get "${shown}": not sent: ${label} has passed`, shown, false);
    }
    const own = options2?.timeoutMs;
    const cut = own === void 0 || left < own;
    const started = performance.now();
    try {
      return await send({ ...options2, timeoutMs: cut ? left : own });
    } catch (e) {
      const ranOut = performance.now() - started >= left - 1;
      if (cut && ranOut && e instanceof TimeoutError && !(e instanceof DeadlineError)) {
        throw new DeadlineError(`${e.message}: ${label} has passed`, e.url, true);
      }
      throw e;
    }
  };
  return {
    get: (url, options2) => bounded(url, options2, (o) => http4.get(url, o)),
    getStream: (url, options2) => bounded(url, options2, (o) => http4.getStream(url, o))
  };
}
var init_deadline = __esm({
  "src/http/deadline.ts"() {
    "use strict";
    init_errors3();
    init_redact();
  }
});

// src/http/node-http-client.ts
import { createReadStream } from "node:fs";
import { stat as stat2 } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { PassThrough as PassThrough2 } from "node:stream";
import tls from "node:tls";
import { fileURLToPath } from "node:url";
function flatHeaders(h) {
  const out = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === void 0) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}
function statusTextOf2(res) {
  const code = res.statusCode ?? 0;
  const msg = res.statusMessage ?? http.STATUS_CODES[code] ?? "";
  return msg === "" ? String(code) : `${code} ${msg}`;
}
function isLoopbackHost(hostname) {
  return hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "localhost";
}
function hostWithoutBrackets(hostname) {
  return hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
}
function isIpLiteral(host) {
  return host.includes(":") || /^\d+\.\d+\.\d+\.\d+$/.test(host);
}
function createNodeHttpClient(opts = {}) {
  const defaults = {
    timeoutMs: opts.timeoutMs ?? 6e4,
    idleTimeoutMs: opts.idleTimeoutMs ?? 3e4,
    maxBytes: opts.maxBytes ?? 16 << 20,
    errorBodyMaxBytes: opts.errorBodyMaxBytes ?? 64 << 10,
    maxRedirects: opts.maxRedirects ?? 10,
    minRate: opts.minRate === false ? void 0 : opts.minRate ?? defaultMinRate
  };
  const proxyEnv = opts.proxyEnv ?? {};
  const secrets = [...opts.credentials?.secrets ?? [], ...proxySecrets(proxyEnv)];
  const proxyFor = proxyResolver(proxyEnv, { loopback: opts.proxyLoopback === true });
  const caFor = (protocol) => opts.ca !== void 0 && protocol === "https:" ? { ca: opts.ca } : {};
  async function send(url, headers, ex) {
    let proxy;
    try {
      proxy = proxyFor(url);
    } catch (e) {
      throw new NetworkError(`Get "${ex.shownUrl}": ${errorText(e)}`, ex.shownUrl, "EPROXY");
    }
    if (proxy === void 0) {
      delete ex.via;
      return exchange(
        ex,
        () => (url.protocol === "https:" ? https : http).request(url, {
          method: "GET",
          headers,
          agent: false,
          // Name resolution and connect count against the same idle limit.
          timeout: defaults.idleTimeoutMs,
          ...caFor(url.protocol)
        })
      );
    }
    ex.via = redactUrl(proxy.href);
    if (proxy.protocol !== "http:" && proxy.protocol !== "https:") {
      throw new NetworkError(
        `Get "${ex.shownUrl}": proxy ${ex.via}: scheme ${proxy.protocol.slice(0, -1)} is not supported (only http and https proxies are)`,
        ex.shownUrl,
        "EPROXY"
      );
    }
    const proxyAuth = proxyAuthorization(proxy);
    if (url.protocol === "http:") {
      const via = proxy;
      return exchange(
        ex,
        () => (via.protocol === "https:" ? https : http).request({
          method: "GET",
          host: hostWithoutBrackets(via.hostname),
          port: via.port !== "" ? Number(via.port) : via.protocol === "https:" ? 443 : 80,
          path: url.href,
          headers: {
            ...headers,
            host: url.host,
            ...proxyAuth !== void 0 ? { "proxy-authorization": proxyAuth } : {}
          },
          agent: false,
          timeout: defaults.idleTimeoutMs,
          ...caFor(via.protocol)
        })
      );
    }
    const tunnelSocket = await tunnel(proxy, proxyAuth, url, ex);
    if (ex.failed !== void 0) {
      tunnelSocket.destroy();
      throw ex.failed;
    }
    const target = hostWithoutBrackets(url.hostname);
    const secure = tls.connect({
      socket: tunnelSocket,
      host: target,
      ...isIpLiteral(target) ? {} : { servername: target },
      ...caFor("https:")
    });
    return exchange(
      ex,
      () => https.request(url, {
        method: "GET",
        headers,
        createConnection: () => secure,
        timeout: defaults.idleTimeoutMs
      })
    );
  }
  function tunnel(proxy, proxyAuth, target, ex) {
    const shownProxy = redactUrl(proxy.href);
    const authority = `${target.hostname}:${target.port !== "" ? target.port : "443"}`;
    return new Promise((resolve, reject) => {
      const req = (proxy.protocol === "https:" ? https : http).request({
        method: "CONNECT",
        host: hostWithoutBrackets(proxy.hostname),
        port: proxy.port !== "" ? Number(proxy.port) : proxy.protocol === "https:" ? 443 : 80,
        path: authority,
        headers: {
          host: authority,
          "user-agent": opts.userAgent ?? "modseal",
          ...proxyAuth !== void 0 ? { "proxy-authorization": proxyAuth } : {}
        },
        agent: false,
        timeout: defaults.idleTimeoutMs,
        ...caFor(proxy.protocol)
      });
      const fail = (e) => {
        ex.failed ??= e;
        req.destroy();
        reject(ex.failed);
      };
      const refused = (res) => new NetworkError(
        `Get "${ex.shownUrl}": proxy ${shownProxy} refused CONNECT ${authority}: ${statusTextOf2(res)}`,
        ex.shownUrl,
        "EPROXY"
      );
      ex.abort = (e) => {
        req.destroy(e);
        reject(e);
      };
      req.on("timeout", () => {
        fail(
          new TimeoutError(
            `Get "${ex.shownUrl}": proxy ${shownProxy}: no answer to CONNECT for ${defaults.idleTimeoutMs} ms`,
            ex.shownUrl
          )
        );
      });
      req.on("error", (err) => {
        if (ex.failed !== void 0) return reject(ex.failed);
        const msg = redactSecrets(err.message, ex.secrets);
        fail(
          new NetworkError(
            `Get "${ex.shownUrl}": proxyconnect ${shownProxy}: ${msg}`,
            ex.shownUrl,
            err.code,
            {
              cause: err
            }
          )
        );
      });
      req.on("connect", (res, socket, head) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          fail(refused(res));
          return;
        }
        socket.setTimeout(0);
        if (head.length > 0) socket.unshift(head);
        resolve(socket);
      });
      req.on("response", (res) => {
        res.resume();
        fail(refused(res));
      });
      req.end();
    });
  }
  function exchange(ex, make3) {
    return new Promise((resolve, reject) => {
      const req = make3();
      ex.abort = (e) => {
        req.destroy(e);
        reject(e);
      };
      req.on("timeout", () => {
        const via = ex.via === void 0 ? "" : ` (through proxy ${ex.via})`;
        const e = new TimeoutError(
          `Get "${ex.shownUrl}"${via}: no data for ${defaults.idleTimeoutMs} ms`,
          ex.shownUrl
        );
        ex.failed ??= e;
        req.destroy(e);
        reject(e);
      });
      req.on("error", (err) => {
        if (ex.failed === void 0) ex.failed = classifyError(err, ex);
        reject(ex.failed);
      });
      req.on("response", (res) => {
        req.removeAllListeners("error");
        req.on("error", (err) => {
          const e = classifyError(err, ex);
          ex.failed ??= e;
          res.destroy(e);
        });
        resolve(res);
      });
      req.end();
    });
  }
  function classifyError(err, ex) {
    if (err instanceof TimeoutError || err instanceof TooLargeError || err instanceof ProtocolError) {
      return err;
    }
    const msg = redactSecrets(err.message, ex.secrets);
    const code = err instanceof NetworkError ? err.systemCode : err.code;
    const via = ex.via === void 0 ? "" : ` (through proxy ${ex.via})`;
    if (code !== void 0 && code.startsWith("HPE_")) {
      return new ProtocolError(
        `Get "${ex.shownUrl}": malformed HTTP response (body does not match its framing): ${msg}`,
        ex.shownUrl
      );
    }
    return new NetworkError(`Get "${ex.shownUrl}"${via}: ${msg}`, ex.shownUrl, code, {
      cause: err
    });
  }
  async function open3(rawUrl, options2, ex) {
    const first = new URL(rawUrl);
    const userinfo2 = first.username !== "" || first.password !== "" ? "Basic " + Buffer.from(
      `${decodeURIComponent(first.username)}:${decodeURIComponent(first.password)}`
    ).toString("base64") : void 0;
    first.username = "";
    first.password = "";
    if (userinfo2 !== void 0 && first.protocol !== "https:") {
      const loopbackOk = opts.allowLoopbackHttpCredentials === true && isLoopbackHost(first.hostname);
      if (!loopbackOk) {
        throw new ProtocolError(
          `refusing to pass credentials to insecure URL: ${ex.shownUrl}`,
          ex.shownUrl
        );
      }
    }
    const callerHeaders = {};
    for (const [k, v] of Object.entries(options2.headers ?? {})) callerHeaders[k.toLowerCase()] = v;
    let url = first;
    let sawHttps = first.protocol === "https:";
    for (let hop = 0; ; hop++) {
      const sameOrigin = url.origin === first.origin;
      const headers = {
        "user-agent": opts.userAgent ?? "modseal",
        connection: "close"
      };
      for (const [k, v] of Object.entries(callerHeaders)) {
        if (sameOrigin || !crossOriginDropped.has(k)) headers[k] = v;
      }
      const auth = sameOrigin ? userinfo2 ?? opts.credentials?.authorizationFor(url) : void 0;
      if (auth !== void 0) headers.authorization = auth;
      const res = await send(url, headers, ex);
      const status = res.statusCode ?? 0;
      const location2 = res.headers.location;
      if (!redirectStatuses.has(status) || location2 === void 0) return { url, res };
      res.destroy();
      const next = new URL(location2, url);
      next.username = "";
      next.password = "";
      const shownNext = redactUrl(next.href);
      if (next.protocol !== "http:" && next.protocol !== "https:") {
        throw new ProtocolError(`Get "${shownNext}": unsupported redirect scheme`, shownNext);
      }
      if (sawHttps && next.protocol !== "https:") {
        throw new ProtocolError(
          `Get "${shownNext}": redirected from secure URL ${redactUrl(url.href)} to insecure URL ${shownNext}`,
          ex.shownUrl
        );
      }
      if (hop + 1 >= defaults.maxRedirects + 1) {
        throw new ProtocolError(
          `Get "${shownNext}": stopped after ${defaults.maxRedirects} redirects`,
          ex.shownUrl
        );
      }
      sawHttps ||= next.protocol === "https:";
      url = next;
    }
  }
  async function openFile(url) {
    const path17 = fileURLToPath(url);
    try {
      const st = await stat2(path17);
      if (st.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
      return { status: 200, text: "200 OK", body: createReadStream(path17), size: st.size };
    } catch (e) {
      const code = e.code;
      const empty = new PassThrough2();
      empty.end();
      if (code === "ENOENT" || code === "ENOTDIR")
        return { status: 404, text: "Not Found", body: empty };
      if (code === "EACCES" || code === "EPERM")
        return { status: 403, text: "Forbidden", body: empty };
      throw new NetworkError(`open ${path17}: ${e.message}`, url.href, code);
    }
  }
  function rateWatch(rate, res, out, ex, fail) {
    let chunks = [];
    let since = performance.now();
    const timer = setInterval(
      () => {
        const now = performance.now();
        if (res.isPaused() || out.writableNeedDrain) {
          chunks = [];
          since = now;
          return;
        }
        chunks = chunks.filter((c) => c.t > now - rate.windowMs);
        if (now - since < rate.windowMs) return;
        const got = chunks.reduce((a, c) => a + c.n, 0);
        if (got >= rate.bytes) return;
        fail(
          new TimeoutError(
            `reading ${ex.shownUrl}: transfer too slow: ${got} bytes in the last ${rate.windowMs} ms, fewer than the ${rate.bytes} required`,
            ex.shownUrl
          )
        );
      },
      Math.max(10, Math.floor(rate.windowMs / 4))
    );
    timer.unref();
    return {
      got: (n) => chunks.push({ t: performance.now(), n }),
      stop: () => clearInterval(timer)
    };
  }
  function guard(res, status, contentLength, options2, ex, complete, rate) {
    const ok = status === 200;
    const cap = ok ? options2.maxBytes ?? defaults.maxBytes : defaults.errorBodyMaxBytes;
    const out = new PassThrough2();
    let seen = 0;
    let done = false;
    let watch;
    const finish2 = (e) => {
      if (done) return;
      done = true;
      watch?.stop();
      if (ex.deadlineTimer !== void 0) clearTimeout(ex.deadlineTimer);
      if (e !== void 0) {
        res.destroy();
        out.destroy(e);
      } else {
        out.end();
      }
    };
    ex.abort = (e) => finish2(e);
    if (rate !== void 0) {
      watch = rateWatch(rate, res, out, ex, (e) => {
        ex.failed ??= e;
        finish2(e);
      });
    }
    res.on("data", (chunk) => {
      if (done) return;
      watch?.got(chunk.length);
      if (seen + chunk.length > cap) {
        if (!ok) {
          out.write(chunk.subarray(0, cap - seen));
          seen = cap;
          res.destroy();
          finish2();
          return;
        }
        finish2(
          new TooLargeError(
            `reading ${ex.shownUrl}: body larger than ${cap} bytes`,
            ex.shownUrl,
            cap
          )
        );
        return;
      }
      seen += chunk.length;
      if (!out.write(chunk)) {
        res.pause();
        out.once("drain", () => res.resume());
      }
    });
    res.on("end", () => {
      setImmediate(() => {
        if (ex.failed !== void 0) return finish2(ex.failed);
        if (contentLength !== void 0 && seen !== contentLength && (ok || seen < cap)) {
          return finish2(
            new ProtocolError(
              `reading ${ex.shownUrl}: got ${seen} bytes, Content-Length said ${contentLength}`,
              ex.shownUrl
            )
          );
        }
        finish2();
      });
    });
    res.on("error", (err) => {
      if (done) return;
      finish2(ex.failed ?? bodyError(err, seen, contentLength, ex));
    });
    res.on("close", () => {
      if (done) return;
      setImmediate(() => {
        if (done) return;
        if (!complete()) finish2(ex.failed ?? bodyError(void 0, seen, contentLength, ex));
      });
    });
    if (ex.failed !== void 0) finish2(ex.failed);
    else if (res.destroyed && !complete()) finish2(bodyError(void 0, 0, contentLength, ex));
    out.on("close", () => {
      if (!done) {
        done = true;
        watch?.stop();
        if (ex.deadlineTimer !== void 0) clearTimeout(ex.deadlineTimer);
        res.destroy();
      }
    });
    return out;
  }
  function bodyError(err, seen, contentLength, ex) {
    if (err instanceof TimeoutError || err instanceof TooLargeError || err instanceof ProtocolError) {
      return err;
    }
    const want = contentLength === void 0 ? "" : ` of ${contentLength}`;
    return new ProtocolError(
      `reading ${ex.shownUrl}: connection closed after ${seen}${want} bytes`,
      ex.shownUrl
    );
  }
  async function getStream(rawUrl, options2 = {}) {
    const shownUrl = redactUrl(rawUrl);
    const ex = { shownUrl, secrets };
    const timeoutMs = options2.timeoutMs ?? defaults.timeoutMs;
    const timeoutPromise = new Promise((_, reject) => {
      ex.deadlineTimer = setTimeout(() => {
        const via = ex.via === void 0 ? "" : ` (through proxy ${ex.via})`;
        const e = new TimeoutError(
          `Get "${shownUrl}"${via}: timed out after ${timeoutMs} ms`,
          shownUrl
        );
        ex.failed ??= e;
        ex.abort?.(e);
        reject(e);
      }, timeoutMs);
    });
    timeoutPromise.catch(() => void 0);
    const parsed = new URL(rawUrl);
    try {
      if (parsed.protocol === "file:") {
        const f = await openFile(parsed);
        const body2 = guard(f.body, f.status, f.size, options2, ex, () => true, void 0);
        return {
          url: rawUrl,
          status: f.status,
          statusText: f.text.startsWith(String(f.status)) ? f.text : `${f.status} ${f.text}`,
          headers: {},
          body: body2
        };
      }
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
        throw new ProtocolError(`unsupported scheme: ${shownUrl}`, shownUrl);
      }
      const { url, res } = await Promise.race([open3(rawUrl, options2, ex), timeoutPromise]);
      const status = res.statusCode ?? 0;
      const headers = flatHeaders(res.headers);
      const clHeader = headers["content-length"];
      const contentLength = clHeader !== void 0 && /^\d+$/.test(clHeader) ? Number(clHeader) : void 0;
      const cap = options2.maxBytes ?? defaults.maxBytes;
      if (status === 200 && contentLength !== void 0 && contentLength > cap) {
        res.destroy();
        throw new TooLargeError(
          `reading ${redactUrl(url.href)}: Content-Length ${contentLength} exceeds the limit of ${cap} bytes`,
          redactUrl(url.href),
          cap
        );
      }
      ex.shownUrl = redactUrl(url.href);
      const body = guard(
        res,
        status,
        contentLength,
        options2,
        ex,
        () => res.complete,
        defaults.minRate
      );
      return { url: ex.shownUrl, status, statusText: statusTextOf2(res), headers, body };
    } catch (e) {
      if (ex.deadlineTimer !== void 0) clearTimeout(ex.deadlineTimer);
      throw e;
    }
  }
  async function get(rawUrl, options2 = {}) {
    const r = await getStream(rawUrl, options2);
    const chunks = [];
    for await (const c of r.body) chunks.push(c);
    return {
      url: r.url,
      status: r.status,
      statusText: r.statusText,
      headers: r.headers,
      body: Buffer.concat(chunks)
    };
  }
  return { get, getStream };
}
function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}
var defaultMinRate, redirectStatuses, crossOriginDropped;
var init_node_http_client = __esm({
  "src/http/node-http-client.ts"() {
    "use strict";
    init_errors3();
    init_outbound_proxy();
    init_redact();
    defaultMinRate = { bytes: 16 << 10, windowMs: 3e4 };
    redirectStatuses = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
    crossOriginDropped = /* @__PURE__ */ new Set(["authorization", "cookie", "proxy-authorization"]);
  }
});

// src/http/index.ts
var init_http = __esm({
  "src/http/index.ts"() {
    "use strict";
    init_errors3();
    init_error_detail();
    init_redact();
    init_netrc();
    init_deadline();
    init_node_http_client();
  }
});

// src/sumdb/errors.ts
function hex8(n) {
  return (n >>> 0).toString(16).padStart(8, "0");
}
var SumdbError, InvalidKeyError, MalformedNoteError, InvalidSignatureError, UnverifiedNoteError, WrongKeyError, WrongNameError, MalformedTreeError, MalformedRecordError, MalformedTilePathError, InvalidProofError, InconsistentTileError, RecordMismatchError, RecordOutOfRangeError, TreeRollbackError, ServerMisbehaviorError, SumdbHttpError, SumdbNotFoundError;
var init_errors5 = __esm({
  "src/sumdb/errors.ts"() {
    "use strict";
    init_errors();
    SumdbError = class extends ModsealError {
      name = "SumdbError";
      code = "sumdb-internal";
      /** A copy of this error (same class and fields) whose message starts with `prefix`. */
      withPrefix(prefix) {
        return this.rewrite(prefix + this.message);
      }
      /** A copy of this error (same class and fields) whose message ends with `suffix`. */
      withSuffix(suffix) {
        return this.rewrite(this.message + suffix);
      }
      // Errors cross layers that each add context (Go wraps with %v); copying
      // keeps the class and fields so callers can still branch on them.
      rewrite(message) {
        const copy = Object.create(Object.getPrototypeOf(this));
        Object.assign(copy, this);
        for (const [k, v] of [
          ["message", message],
          ["stack", `${this.name}: ${message}`]
        ]) {
          Object.defineProperty(copy, k, { value: v, writable: true, configurable: true });
        }
        return copy;
      }
    };
    InvalidKeyError = class extends SumdbError {
      name = "InvalidKeyError";
      code = "invalid-key";
    };
    MalformedNoteError = class extends SumdbError {
      name = "MalformedNoteError";
      code = "malformed-note";
      constructor(message = "malformed note") {
        super(message);
      }
    };
    InvalidSignatureError = class extends SumdbError {
      constructor(keyName, keyHash2) {
        super(`invalid signature for key ${keyName}+${hex8(keyHash2)}`);
        this.keyName = keyName;
        this.keyHash = keyHash2;
      }
      keyName;
      keyHash;
      name = "InvalidSignatureError";
      code = "invalid-signature";
    };
    UnverifiedNoteError = class extends SumdbError {
      constructor(text, unverified) {
        super("note has no verifiable signatures");
        this.text = text;
        this.unverified = unverified;
      }
      text;
      unverified;
      name = "UnverifiedNoteError";
      code = "unverified-note";
    };
    WrongKeyError = class extends UnverifiedNoteError {
      name = "WrongKeyError";
      code = "wrong-key";
    };
    WrongNameError = class extends UnverifiedNoteError {
      name = "WrongNameError";
      code = "wrong-name";
    };
    MalformedTreeError = class extends SumdbError {
      name = "MalformedTreeError";
      code = "malformed-tree";
      constructor(message = "malformed tree note") {
        super(message);
      }
    };
    MalformedRecordError = class extends SumdbError {
      name = "MalformedRecordError";
      code = "malformed-record";
      constructor(message = "malformed record data") {
        super(message);
      }
    };
    MalformedTilePathError = class extends SumdbError {
      constructor(path17) {
        super(`malformed tile path ${JSON.stringify(path17)}`);
        this.path = path17;
      }
      path;
      name = "MalformedTilePathError";
      code = "malformed-tile-path";
    };
    InvalidProofError = class extends SumdbError {
      name = "InvalidProofError";
      code = "invalid-proof";
      constructor(message = "invalid transparency proof") {
        super(message);
      }
    };
    InconsistentTileError = class extends SumdbError {
      name = "InconsistentTileError";
      code = "inconsistent-tile";
      constructor(message = "downloaded inconsistent tile") {
        super(message);
      }
    };
    RecordMismatchError = class extends SumdbError {
      name = "RecordMismatchError";
      code = "record-mismatch";
      constructor(message = "cannot authenticate record data in server response") {
        super(message);
      }
    };
    RecordOutOfRangeError = class extends SumdbError {
      constructor(id, treeSize) {
        super(`cannot validate record ${id} in tree of size ${treeSize}`);
        this.id = id;
        this.treeSize = treeSize;
      }
      id;
      treeSize;
      name = "RecordOutOfRangeError";
      code = "record-out-of-range";
    };
    TreeRollbackError = class extends SumdbError {
      constructor(message, rememberedSize, presentedSize) {
        super(message);
        this.rememberedSize = rememberedSize;
        this.presentedSize = presentedSize;
      }
      rememberedSize;
      presentedSize;
      name = "TreeRollbackError";
      code = "tree-rollback";
    };
    ServerMisbehaviorError = class extends SumdbError {
      constructor(message, olderNote, newerNote) {
        super(message);
        this.olderNote = olderNote;
        this.newerNote = newerNote;
      }
      olderNote;
      newerNote;
      name = "ServerMisbehaviorError";
      code = "server-misbehavior";
    };
    SumdbHttpError = class extends SumdbError {
      constructor(message, url, status, body) {
        super(message);
        this.url = url;
        this.status = status;
        this.body = body;
      }
      url;
      status;
      body;
      name = "SumdbHttpError";
      code = "sumdb-http";
    };
    SumdbNotFoundError = class extends SumdbHttpError {
      name = "SumdbNotFoundError";
      code = "sumdb-not-found";
    };
  }
});

// src/sumdb/encoding.ts
function decodeStdBase64(s) {
  const t = s.replace(/[\r\n]/g, "");
  if (t.length % 4 !== 0) return void 0;
  let body = t;
  if (t.endsWith("==")) body = t.slice(0, -2);
  else if (t.endsWith("=")) body = t.slice(0, -1);
  if (!B64_ALPHABET.test(body)) return void 0;
  if (t.length - body.length === 2 && body.length % 4 !== 2) return void 0;
  if (t.length - body.length === 1 && body.length % 4 !== 3) return void 0;
  return Buffer.from(t, "base64");
}
function encodeStdBase64(b) {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64");
}
function isValidUtf82(b) {
  try {
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}
function utf8String(b) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);
}
function isGoSpace(cp) {
  switch (cp) {
    case 9:
    case 10:
    case 11:
    case 12:
    case 13:
    case 32:
    case 133:
    case 160:
    case 5760:
    case 8232:
    case 8233:
    case 8239:
    case 8287:
    case 12288:
      return true;
    default:
      return cp >= 8192 && cp <= 8202;
  }
}
function isCleanText(b) {
  for (const c of b) if (c < 32 && c !== 10) return false;
  return isValidUtf82(b);
}
function parseGoInt(s) {
  if (!/^[+-]?[0-9]+$/.test(s)) return void 0;
  const v = BigInt(s);
  if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return void 0;
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) return void 0;
  return Number(v);
}
function toBuffer(b) {
  if (typeof b === "string") {
    if (!/[\uDC80-\uDCFF]/.test(b)) return Buffer.from(b, "utf8");
    const parts = [];
    let run = "";
    for (let i = 0; i < b.length; i++) {
      const c = b.charCodeAt(i);
      const prev = i > 0 ? b.charCodeAt(i - 1) : 0;
      const lone = c >= 56448 && c <= 56575 && !(prev >= 55296 && prev <= 56319);
      if (lone) {
        parts.push(Buffer.from(run, "utf8"), Buffer.from([c - 56320]));
        run = "";
      } else {
        run += b[i];
      }
    }
    parts.push(Buffer.from(run, "utf8"));
    return Buffer.concat(parts);
  }
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}
var B64_ALPHABET;
var init_encoding = __esm({
  "src/sumdb/encoding.ts"() {
    "use strict";
    B64_ALPHABET = /^[A-Za-z0-9+/]*$/;
  }
});

// src/sumdb/note.ts
import {
  createHash as createHash6,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  verify as cryptoVerify
} from "node:crypto";
function keyHash(name, keyData) {
  const h = createHash6("sha256").update(toBuffer(name)).update("\n").update(keyData).digest();
  return h.readUInt32BE(0);
}
function isValidKeyName(name) {
  const b = toBuffer(name);
  if (b.length === 0 || !isValidUtf82(b)) return false;
  for (const ch of utf8String(b)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 43 || isGoSpace(cp)) return false;
  }
  return true;
}
function chop(s, sep) {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + sep.length)];
}
function parseHash8(s) {
  if (s.length !== 8 || !/^[0-9a-fA-F]{8}$/.test(s)) return void 0;
  return parseInt(s, 16);
}
function ed25519PublicKey(raw) {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, raw]),
    format: "der",
    type: "spki"
  });
}
function ed25519PrivateKey(seed) {
  return createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: "der",
    type: "pkcs8"
  });
}
function rawPublicKey(key2) {
  const der = key2.export({ format: "der", type: "spki" });
  return der.subarray(der.length - 32);
}
function parseVerifierKey(vkey) {
  const [name, rest] = chop(vkey, "+");
  const [hash16, key64] = chop(rest, "+");
  const hash = parseHash8(hash16);
  const key2 = decodeStdBase64(key64);
  if (hash === void 0 || key2 === void 0 || !isValidKeyName(name) || key2.length === 0) {
    throw new InvalidKeyError("malformed verifier id");
  }
  if (hash !== keyHash(name, key2)) throw new InvalidKeyError("invalid verifier hash");
  if (key2[0] !== ALG_ED25519) throw new InvalidKeyError("unknown verifier algorithm");
  const pub = Buffer.from(key2.subarray(1));
  if (pub.length !== 32) throw new InvalidKeyError("malformed verifier id");
  const keyObject = ed25519PublicKey(pub);
  return {
    name,
    hash,
    publicKey: pub,
    verify(message, signature) {
      if (signature.length !== 64) return false;
      try {
        return cryptoVerify(null, message, keyObject, signature);
      } catch {
        return false;
      }
    }
  };
}
function parseSignerKey(skey) {
  const [priv1, r1] = chop(skey, "+");
  const [priv2, r2] = chop(r1, "+");
  const [name, r3] = chop(r2, "+");
  const [hash16, key64] = chop(r3, "+");
  const hash = parseHash8(hash16);
  const key2 = decodeStdBase64(key64);
  if (priv1 !== "PRIVATE" || priv2 !== "KEY" || hash === void 0 || key2 === void 0 || !isValidKeyName(name) || key2.length === 0) {
    throw new InvalidKeyError("malformed verifier id");
  }
  if (key2[0] !== ALG_ED25519) throw new InvalidKeyError("unknown verifier algorithm");
  const seed = Buffer.from(key2.subarray(1));
  if (seed.length !== 32) throw new InvalidKeyError("malformed verifier id");
  const privateKey = ed25519PrivateKey(seed);
  const pub = rawPublicKey(createPublicKey(privateKey));
  if (hash !== keyHash(name, Buffer.concat([Buffer.from([ALG_ED25519]), pub]))) {
    throw new InvalidKeyError("invalid verifier hash");
  }
  return { name, hash, sign: (message) => cryptoSign(null, message, privateKey) };
}
function signerKeyFromSeed(name, seed) {
  if (seed.length !== 32) throw new InvalidKeyError("malformed verifier id");
  const pub = rawPublicKey(createPublicKey(ed25519PrivateKey(Buffer.from(seed))));
  const pubData = Buffer.concat([Buffer.from([ALG_ED25519]), pub]);
  const h = hex8(keyHash(name, pubData));
  const privData = Buffer.concat([Buffer.from([ALG_ED25519]), seed]);
  return {
    skey: `PRIVATE+KEY+${name}+${h}+${encodeStdBase64(privData)}`,
    vkey: `${name}+${h}+${encodeStdBase64(pubData)}`
  };
}
function generateKey(name) {
  if (!isValidKeyName(name)) throw new InvalidKeyError("malformed verifier id");
  const { privateKey } = generateKeyPairSync("ed25519");
  const der = privateKey.export({ format: "der", type: "pkcs8" });
  return signerKeyFromSeed(name, der.subarray(der.length - 32));
}
function openNote(msg, verifiers) {
  const m = toBuffer(msg);
  if (!isCleanText(m)) throw new MalformedNoteError();
  const split = m.lastIndexOf("\n\n");
  if (split < 0) throw new MalformedNoteError();
  const text = m.subarray(0, split + 1);
  let sigs = m.subarray(split + 2);
  if (sigs.length === 0 || sigs[sigs.length - 1] !== 10) throw new MalformedNoteError();
  const verified = [];
  const unverified = [];
  const seen = /* @__PURE__ */ new Set();
  const seenUnverified = /* @__PURE__ */ new Set();
  let count = 0;
  while (sigs.length > 0) {
    const i = sigs.indexOf(10);
    let line = sigs.subarray(0, i);
    sigs = sigs.subarray(i + 1);
    if (!line.subarray(0, SIG_PREFIX.length).equals(SIG_PREFIX)) throw new MalformedNoteError();
    line = line.subarray(SIG_PREFIX.length);
    const lineText = utf8String(line);
    const [name, b64] = chop(lineText, " ");
    const sig = decodeStdBase64(b64);
    if (sig === void 0 || !isValidKeyName(name) || b64 === "" || sig.length < 5) {
      throw new MalformedNoteError();
    }
    const hash = sig.readUInt32BE(0);
    if (++count > MAX_SIGNATURES) throw new MalformedNoteError();
    const matches2 = verifiers.filter((v) => v.name === name && v.hash === hash);
    if (matches2.length === 0) {
      if (seenUnverified.has(lineText)) continue;
      seenUnverified.add(lineText);
      unverified.push({ name, hash, base64: b64 });
      continue;
    }
    if (matches2.length > 1) throw new SumdbError(`ambiguous key ${name}+${hex8(hash)}`);
    const key2 = `${name}+${hash}`;
    if (seen.has(key2)) continue;
    seen.add(key2);
    if (!matches2[0].verify(text, sig.subarray(4))) throw new InvalidSignatureError(name, hash);
    verified.push({ name, hash, base64: b64 });
  }
  const textString = utf8String(text);
  if (verified.length === 0) {
    const knownName = unverified.some((s) => verifiers.some((v) => v.name === s.name));
    throw knownName ? new WrongKeyError(textString, unverified) : new WrongNameError(textString, unverified);
  }
  return { text: textString, sigs: verified, unverified };
}
function signNote(text, signers) {
  const t = toBuffer(text);
  if (t.length === 0 || t[t.length - 1] !== 10) throw new MalformedNoteError();
  const lines = [];
  for (const s of signers) {
    if (!isValidKeyName(s.name)) throw new SumdbError("invalid signer");
    const hb = Buffer.alloc(4);
    hb.writeUInt32BE(s.hash >>> 0);
    const b64 = encodeStdBase64(Buffer.concat([hb, s.sign(t)]));
    lines.push(Buffer.from(`\u2014 ${s.name} ${b64}
`, "utf8"));
  }
  return Buffer.concat([t, Buffer.from("\n"), ...lines]);
}
var ALG_ED25519, SPKI_ED25519_PREFIX, PKCS8_ED25519_PREFIX, SIG_PREFIX, MAX_SIGNATURES;
var init_note = __esm({
  "src/sumdb/note.ts"() {
    "use strict";
    init_encoding();
    init_errors5();
    ALG_ED25519 = 1;
    SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
    PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
    SIG_PREFIX = Buffer.from("\u2014 ", "utf8");
    MAX_SIGNATURES = 100;
  }
});

// src/sumdb/tlog.ts
import { createHash as createHash7 } from "node:crypto";
function recordHash(data) {
  return createHash7("sha256").update(Buffer.from([0])).update(data).digest();
}
function nodeHash(left, right) {
  return createHash7("sha256").update(Buffer.from([1])).update(left).update(right).digest();
}
function shr(n, k) {
  return Math.floor(n / 2 ** k);
}
function trailingZeros(n) {
  let z = 0;
  while (n > 0 && n % 2 === 0) {
    n /= 2;
    z++;
  }
  return z;
}
function maxpow2(n) {
  let l = 0;
  while (2 ** (l + 1) < n) l++;
  return [2 ** l, l];
}
function storedHashIndex(level, n) {
  for (let l = level; l > 0; l--) n = 2 * n + 1;
  let i = 0;
  for (; n > 0; n = Math.floor(n / 2)) i += n;
  return i + level;
}
function splitStoredHashIndex(index) {
  let n = Math.floor(index / 2);
  let indexN = storedHashIndex(0, n);
  if (indexN > index) throw new SumdbError("bad math");
  for (; ; ) {
    const x = indexN + 1 + trailingZeros(n + 1);
    if (x > index) break;
    n++;
    indexN = x;
  }
  const level = index - indexN;
  return [level, shr(n, level)];
}
function storedHashCount(n) {
  if (n === 0) return 0;
  let count = storedHashIndex(0, n - 1) + 1;
  for (let i = n - 1; i % 2 === 1; i = Math.floor(i / 2)) count++;
  return count;
}
async function storedHashesForRecordHash(n, h, r) {
  const hashes = [h];
  const m = trailingZeros(n + 1);
  const indexes = new Array(m);
  for (let i = 0; i < m; i++) indexes[m - 1 - i] = storedHashIndex(i, shr(n, i) - 1);
  const old = await r.readHashes(indexes);
  if (old.length !== indexes.length) {
    throw new SumdbError(`tlog: ReadHashes(${indexes.length} indexes) = ${old.length} hashes`);
  }
  let cur = h;
  for (let i = 0; i < m; i++) {
    cur = nodeHash(old[m - 1 - i], cur);
    hashes.push(cur);
  }
  return hashes;
}
function subTreeIndex(lo, hi, need = []) {
  while (lo < hi) {
    const [k, level] = maxpow2(hi - lo + 1);
    if (lo % k !== 0) throw new SumdbError("tlog: bad math in subTreeIndex");
    need.push(storedHashIndex(level, shr(lo, level)));
    lo += k;
  }
  return need;
}
function subTreeHash(lo, hi, hashes) {
  let numTree = 0;
  while (lo < hi) {
    const [k] = maxpow2(hi - lo + 1);
    if (lo % k !== 0) throw new SumdbError("tlog: bad math in subTreeHash");
    numTree++;
    lo += k;
  }
  if (hashes.length < numTree) throw new SumdbError("tlog: bad index math in subTreeHash");
  let h = hashes[numTree - 1];
  for (let i = numTree - 2; i >= 0; i--) h = nodeHash(hashes[i], h);
  return [h, hashes.slice(numTree)];
}
async function readExactly(r, indexes) {
  const hashes = await r.readHashes(indexes);
  if (hashes.length !== indexes.length) {
    throw new SumdbError(`tlog: ReadHashes(${indexes.length} indexes) = ${hashes.length} hashes`);
  }
  return hashes;
}
async function treeHash(n, r) {
  if (n === 0) return ZERO_HASH;
  const indexes = subTreeIndex(0, n);
  const [h, rest] = subTreeHash(0, n, await readExactly(r, indexes));
  if (rest.length !== 0) throw new SumdbError("tlog: bad index math in TreeHash");
  return h;
}
function treeProofIndex(lo, hi, n, need) {
  if (!(lo < n && n <= hi)) throw new SumdbError("tlog: bad math in treeProofIndex");
  if (n === hi) return lo === 0 ? need : subTreeIndex(lo, hi, need);
  const [k] = maxpow2(hi - lo);
  if (n <= lo + k) {
    treeProofIndex(lo, lo + k, n, need);
    subTreeIndex(lo + k, hi, need);
  } else {
    subTreeIndex(lo, lo + k, need);
    treeProofIndex(lo + k, hi, n, need);
  }
  return need;
}
function treeProof(lo, hi, n, hashes) {
  if (n === hi) {
    if (lo === 0) return [[], hashes];
    const [th2, rest] = subTreeHash(lo, hi, hashes);
    return [[th2], rest];
  }
  const [k] = maxpow2(hi - lo);
  let p;
  let th;
  if (n <= lo + k) {
    [p, hashes] = treeProof(lo, lo + k, n, hashes);
    [th, hashes] = subTreeHash(lo + k, hi, hashes);
  } else {
    [th, hashes] = subTreeHash(lo, lo + k, hashes);
    [p, hashes] = treeProof(lo + k, hi, n, hashes);
  }
  return [[...p, th], hashes];
}
async function proveTree(t, n, r) {
  if (t < 1 || n < 1 || n > t) throw new SumdbError("tlog: invalid inputs in ProveTree");
  const indexes = treeProofIndex(0, t, n, []);
  if (indexes.length === 0) return [];
  const [p, rest] = treeProof(0, t, n, await readExactly(r, indexes));
  if (rest.length !== 0) throw new SumdbError("tlog: bad index math in ProveTree");
  return p;
}
function runTreeProof(p, lo, hi, n, old) {
  if (n === hi) {
    if (lo === 0) {
      if (p.length !== 0) throw new InvalidProofError();
      return [old, old];
    }
    if (p.length !== 1) throw new InvalidProofError();
    return [p[0], p[0]];
  }
  if (p.length === 0) throw new InvalidProofError();
  const [k] = maxpow2(hi - lo);
  const last = p[p.length - 1];
  const inner = p.slice(0, -1);
  if (n <= lo + k) {
    const [oh2, th2] = runTreeProof(inner, lo, lo + k, n, old);
    return [oh2, nodeHash(th2, last)];
  }
  const [oh, th] = runTreeProof(inner, lo + k, hi, n, old);
  return [nodeHash(last, oh), nodeHash(last, th)];
}
function checkTree(p, t, th, n, h) {
  if (t < 1 || n < 1 || n > t) throw new SumdbError("tlog: invalid inputs in CheckTree");
  const [h2, th2] = runTreeProof(p, 0, t, n, h);
  if (!th2.equals(th) || !h2.equals(h)) throw new InvalidProofError();
}
var HASH_SIZE, ZERO_HASH;
var init_tlog = __esm({
  "src/sumdb/tlog.ts"() {
    "use strict";
    init_errors5();
    HASH_SIZE = 32;
    ZERO_HASH = Buffer.alloc(HASH_SIZE);
  }
});

// src/sumdb/tlog-note.ts
function formatTree(tree) {
  return `${TREE_PREFIX}${tree.n}
${tree.hash.toString("base64")}
`;
}
function parseTree(text) {
  const b = toBuffer(text);
  let newlines = 0;
  for (const c of b) if (c === 10) newlines++;
  if (!b.subarray(0, TREE_PREFIX.length).equals(Buffer.from(TREE_PREFIX)) || newlines < 3 || b.length > 1e6) {
    throw new MalformedTreeError();
  }
  const lines = utf8String(b).split("\n");
  const nText = lines[1] ?? "";
  const n = parseGoInt(nText);
  if (n === void 0 || n < 0 || String(n) !== nText) throw new MalformedTreeError();
  const h = decodeStdBase64(lines[2] ?? "");
  if (h === void 0 || h.length !== HASH_SIZE) throw new MalformedTreeError();
  return { n, hash: h };
}
function isValidRecordText(text) {
  if (!isCleanText(text)) return false;
  if (text.length === 0 || text[text.length - 1] !== 10) return false;
  return text.indexOf("\n\n") < 0;
}
function formatRecord(id, text) {
  const t = toBuffer(text);
  if (!isValidRecordText(t)) throw new MalformedRecordError();
  return Buffer.concat([Buffer.from(`${id}
`), t, Buffer.from("\n")]);
}
function parseRecord(msg) {
  const m = toBuffer(msg);
  const i = m.indexOf(10);
  if (i < 0) throw new MalformedRecordError();
  const id = parseGoInt(m.subarray(0, i).toString("latin1"));
  if (id === void 0) throw new MalformedRecordError();
  const body = m.subarray(i + 1);
  const j = body.indexOf("\n\n");
  if (j < 0) throw new MalformedRecordError();
  const text = body.subarray(0, j + 1);
  if (!isValidRecordText(text)) throw new MalformedRecordError();
  return { id, text, rest: body.subarray(j + 2) };
}
var TREE_PREFIX;
var init_tlog_note = __esm({
  "src/sumdb/tlog-note.ts"() {
    "use strict";
    init_encoding();
    init_errors5();
    init_tlog();
    TREE_PREFIX = "go.sum database tree\n";
  }
});

// src/sumdb/tile.ts
function tilePath(t) {
  let n = t.n;
  let nStr = String(n % PATH_BASE).padStart(3, "0");
  while (n >= PATH_BASE) {
    n = Math.floor(n / PATH_BASE);
    nStr = `x${String(n % PATH_BASE).padStart(3, "0")}/${nStr}`;
  }
  const pStr = t.w !== 2 ** t.h ? `.p/${t.w}` : "";
  const l = t.l === -1 ? "data" : String(t.l);
  return `tile/${t.h}/${l}/${nStr}${pStr}`;
}
function atoi(s) {
  if (!/^[+-]?[0-9]+$/.test(s)) return void 0;
  const v = Number(s);
  return Number.isSafeInteger(v) ? v : void 0;
}
function parseTilePath(path17) {
  const bad = () => {
    throw new MalformedTilePathError(path17);
  };
  let f = path17.split("/");
  if (f.length < 4 || f[0] !== "tile") bad();
  const h = atoi(f[1]);
  const isData = f[2] === "data";
  let l = isData ? 0 : atoi(f[2]);
  if (h === void 0 || l === void 0 || h < 1 || l < 0 || h > 30) return bad();
  let w = 2 ** h;
  const dotP = f[f.length - 2];
  if (dotP.endsWith(".p")) {
    const ww = atoi(f[f.length - 1]);
    if (ww === void 0 || ww <= 0 || ww >= w) return bad();
    w = ww;
    f[f.length - 2] = dotP.slice(0, -2);
    f = f.slice(0, -1);
  }
  let n = 0;
  for (const s of f.slice(3)) {
    const nn = atoi(s.startsWith("x") ? s.slice(1) : s);
    if (nn === void 0 || nn < 0 || nn >= PATH_BASE) return bad();
    n = n * PATH_BASE + nn;
  }
  if (isData) l = -1;
  const t = { h, l, n, w };
  if (tilePath(t) !== path17) bad();
  return t;
}
function tileForIndex(h, index) {
  if (h <= 0) throw new SumdbError(`TileForIndex: invalid height ${h}`);
  const [level0, n0] = splitStoredHashIndex(index);
  const l = Math.floor(level0 / h);
  const level = level0 - l * h;
  const tn = shr(n0 * 2 ** level, h);
  const n = n0 - shr(tn * 2 ** h, level);
  const w = (n + 1) * 2 ** level;
  return { tile: { h, l, n: tn, w }, start: n * 2 ** level * HASH_SIZE, end: w * HASH_SIZE };
}
function tileHash(data) {
  if (data.length === 0) throw new SumdbError("bad math in tileHash");
  if (data.length === HASH_SIZE) return Buffer.from(data);
  const half = data.length / 2;
  return nodeHash(tileHash(data.subarray(0, half)), tileHash(data.subarray(half)));
}
function hashFromTile(t, data, index) {
  if (t.h < 1 || t.h > 30 || t.l < 0 || t.l >= 64 || t.w < 1 || t.w > 2 ** t.h) {
    throw new SumdbError(`invalid tile ${tilePath(t)}`);
  }
  if (data.length < t.w * HASH_SIZE) {
    throw new SumdbError(`data len ${data.length} too short for tile ${tilePath(t)}`);
  }
  const { tile: t1, start, end } = tileForIndex(t.h, index);
  if (t.l !== t1.l || t.n !== t1.n || t.w < t1.w) {
    throw new SumdbError(`index ${index} is in ${tilePath(t1)} not ${tilePath(t)}`);
  }
  return tileHash(data.subarray(start, end));
}
async function readTileData(t, r) {
  const size = t.w === 0 ? 2 ** t.h : t.w;
  const start = t.n * 2 ** t.h;
  const indexes = [];
  for (let i = 0; i < size; i++) indexes.push(storedHashIndex(t.h * t.l, start + i));
  const hashes = await r.readHashes(indexes);
  if (hashes.length !== indexes.length) {
    throw new SumdbError(`tlog: ReadHashes(${indexes.length} indexes) = ${hashes.length} hashes`);
  }
  return Buffer.concat(hashes);
}
function tileParent(t, k, n) {
  const l = t.l + k;
  const tn = shr(t.n, k * t.h);
  let w = 2 ** t.h;
  const max2 = shr(n, l * t.h);
  if (tn * 2 ** t.h + w >= max2) {
    if (tn * 2 ** t.h >= max2) return void 0;
    w = max2 - tn * 2 ** t.h;
  }
  return { h: t.h, l, n: tn, w };
}
function planTiles(h, treeSize, indexes) {
  const order = /* @__PURE__ */ new Map();
  const tiles = [];
  const stx = subTreeIndex(0, treeSize);
  const stxTile = [];
  for (const x of stx) {
    const t = tileParent(tileForIndex(h, x).tile, 0, treeSize);
    const j = order.get(key(t));
    if (j !== void 0) {
      stxTile.push(j);
      continue;
    }
    stxTile.push(tiles.length);
    order.set(key(t), tiles.length);
    tiles.push(t);
  }
  const stxTiles = tiles.length;
  const indexTile = [];
  for (const x of indexes) {
    if (x >= storedHashIndex(0, treeSize)) throw new SumdbError("indexes not in tree");
    const base = tileForIndex(h, x).tile;
    let k = 0;
    for (; ; k++) {
      const p = tileParent(base, k, treeSize);
      const j = p && order.get(key(p));
      if (j !== void 0) {
        if (k === 0) indexTile.push(j);
        break;
      }
      if (!p) throw new SumdbError(`bad math in tileHashReader: ${treeSize} ${x}`);
    }
    for (k--; k >= 0; k--) {
      const p = tileParent(base, k, treeSize);
      if (p.w !== 2 ** p.h) {
        throw new SumdbError(`bad math in tileHashReader: ${treeSize} ${x} ${tilePath(p)}`);
      }
      order.set(key(p), tiles.length);
      if (k === 0) indexTile.push(tiles.length);
      tiles.push(p);
    }
  }
  return { tiles, stx, stxTile, indexTile, stxTiles, order };
}
function tileHashReader(tree, tr) {
  return {
    async readHashes(indexes) {
      if (tree.n <= 0) throw new SumdbError("indexes not in tree");
      const h = tr.height;
      const plan = planTiles(h, tree.n, indexes);
      const { tiles, stx, stxTile, indexTile, stxTiles, order } = plan;
      const data = await tr.readTiles(tiles);
      if (data.length !== tiles.length) {
        throw new SumdbError(
          `TileReader returned bad result slice (len=${data.length}, want ${tiles.length})`
        );
      }
      tiles.forEach((t, i) => {
        if (data[i].length !== t.w * HASH_SIZE) {
          throw new SumdbError(
            `TileReader returned bad result slice (${tilePath(t)} len=${data[i].length}, want ${t.w * HASH_SIZE})`
          );
        }
      });
      const last = stx.length - 1;
      let th = hashFromTile(tiles[stxTile[last]], data[stxTile[last]], stx[last]);
      for (let i = last - 1; i >= 0; i--) {
        th = nodeHash(hashFromTile(tiles[stxTile[i]], data[stxTile[i]], stx[i]), th);
      }
      if (!th.equals(tree.hash)) throw new InconsistentTileError();
      for (let i = stxTiles; i < tiles.length; i++) {
        const t = tiles[i];
        const p = tileParent(t, 1, tree.n);
        const j = p && order.get(key(p));
        if (p === void 0 || j === void 0) {
          throw new SumdbError(
            `bad math in tileHashReader ${tree.n}: lost parent of ${tilePath(t)}`
          );
        }
        const want = hashFromTile(p, data[j], storedHashIndex(p.l * p.h, t.n));
        if (!want.equals(tileHash(data[i]))) throw new InconsistentTileError();
      }
      tr.saveTiles?.(tiles, data);
      return indexes.map((x, i) => hashFromTile(tiles[indexTile[i]], data[indexTile[i]], x));
    }
  };
}
var PATH_BASE, key;
var init_tile = __esm({
  "src/sumdb/tile.ts"() {
    "use strict";
    init_errors5();
    init_tlog();
    PATH_BASE = 1e3;
    key = (t) => `${t.h}/${t.l}/${t.n}/${t.w}`;
  }
});

// src/sumdb/tree-cache.ts
import { mkdir as mkdir3, open, readFile as readFile2, rename as rename2, rm as rm3, stat as stat3, writeFile as writeFile2 } from "node:fs/promises";
import path5 from "node:path";
function same(a, b) {
  if (a === void 0 || a.length === 0) return b === void 0 || b.length === 0;
  return b !== void 0 && a.equals(b);
}
function memoryTreeCache(initial) {
  let stored = initial;
  return {
    read: () => Promise.resolve(stored),
    compareAndSwap(old, next) {
      if (!same(stored, old)) return Promise.resolve(false);
      stored = Buffer.from(next);
      return Promise.resolve(true);
    }
  };
}
async function withLock(lockPath, fn) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (; ; ) {
    try {
      const fh = await open(lockPath, "wx");
      await fh.close();
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const st = await stat3(lockPath).catch(() => void 0);
      if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) {
        await rm3(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for lock ${lockPath}`, { cause: e });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  try {
    return await fn();
  } finally {
    await rm3(lockPath, { force: true });
  }
}
async function readIfExists(file) {
  try {
    return await readFile2(file);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
}
function fileTreeCache(file) {
  return {
    read: () => readIfExists(file),
    async compareAndSwap(old, next) {
      await mkdir3(path5.dirname(file), { recursive: true });
      return withLock(`${file}.lock`, async () => {
        if (!same(await readIfExists(file), old)) return false;
        const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
        await writeFile2(tmp, next);
        await rename2(tmp, file);
        return true;
      });
    }
  };
}
var LOCK_STALE_MS, LOCK_WAIT_MS;
var init_tree_cache = __esm({
  "src/sumdb/tree-cache.ts"() {
    "use strict";
    LOCK_STALE_MS = 3e4;
    LOCK_WAIT_MS = 1e4;
  }
});

// src/sumdb/gosumdb.ts
function parseGoSumdb(value) {
  let v = value === "" ? "sum.golang.org" : value;
  if (v === "off") return { off: true };
  if (v === "sum.golang.google.cn") v = "sum.golang.org https://sum.golang.google.cn";
  const fields2 = v.split(/[\s\u0085]+/u).filter((f) => f !== "");
  if (fields2.length >= 1) fields2[0] = KNOWN_GOSUMDB[fields2[0]] ?? fields2[0];
  if (fields2.length === 0) throw new InputError("missing GOSUMDB");
  if (fields2.length > 2) throw new InputError("invalid GOSUMDB: too many fields");
  let name;
  try {
    name = parseVerifierKey(fields2[0]).name;
  } catch (e) {
    throw new InputError(`invalid GOSUMDB: ${errorMessage(e)}`);
  }
  if (!isHostPath(name)) {
    throw new InputError(`invalid sumdb name (must be host[/path]): ${name}`);
  }
  const setting = {
    off: false,
    name,
    verifierKey: fields2[0],
    directUrl: `https://${name}`
  };
  if (fields2.length === 2) {
    try {
      new URL(fields2[1]);
    } catch (e) {
      throw new InputError(`invalid GOSUMDB URL: ${errorMessage(e)}`);
    }
    setting.url = fields2[1];
  }
  return setting;
}
function isHostPath(name) {
  if (name.endsWith("/") || /[?#@%\\\s]/.test(name)) return false;
  const host = name.split("/")[0];
  if (host === "") return false;
  try {
    const u = new URL(`https://${name}`);
    return u.hostname !== "";
  } catch {
    return false;
  }
}
function joinUrl(base, rel) {
  return `${base.replace(/\/+$/, "")}/${rel}`;
}
async function sumdbBaseUrl(setting, proxies, http4, timeoutMs) {
  if (setting.url !== void 0) return setting.url;
  const direct = setting.directUrl ?? `https://${setting.name}`;
  let best;
  let bestRank = 0;
  for (const p of proxies) {
    let err;
    let notExist;
    if (p.url === "noproxy" || p.url === "direct" || p.url === "off") {
      err = new Error(p.url);
      notExist = true;
    } else {
      const url = joinUrl(p.url, `sumdb/${setting.name}/supported`);
      try {
        const res = await http4.get(url, { timeoutMs });
        if (res.status === 200) return joinUrl(p.url, `sumdb/${setting.name}`);
        const body = res.body.toString("utf8").trim();
        const msg = `reading ${url}: ${res.status}${body ? `
	server response: ${body}` : ""}`;
        notExist = res.status === 404 || res.status === 410;
        err = notExist ? new SumdbNotFoundError(msg, url, res.status, body) : new SumdbHttpError(msg, url, res.status, body);
      } catch (e) {
        err = new SumdbHttpError(`reading ${url}: ${errorMessage(e)}`, url, 0, "");
        notExist = false;
      }
    }
    if (p.url === "direct") {
      best = { err, notExist };
      bestRank = 2;
    } else if (bestRank <= 1 && !notExist) {
      best = { err, notExist };
      bestRank = 1;
    } else if (bestRank === 0) {
      best = { err, notExist };
    }
    if (!p.fallBackOnError && !notExist) break;
  }
  if (best === void 0 || best.notExist) return direct;
  throw best.err;
}
var SUM_GOLANG_ORG_KEY, KNOWN_GOSUMDB;
var init_gosumdb = __esm({
  "src/sumdb/gosumdb.ts"() {
    "use strict";
    init_errors();
    init_errors5();
    init_note();
    SUM_GOLANG_ORG_KEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
    KNOWN_GOSUMDB = {
      "sum.golang.org": SUM_GOLANG_ORG_KEY
    };
  }
});

// src/sumdb/client.ts
import { STATUS_CODES } from "node:http";
var MAX_LOOKUP_BYTES, MAX_TILE_BYTES, SumdbClient;
var init_client2 = __esm({
  "src/sumdb/client.ts"() {
    "use strict";
    init_errors();
    init_module();
    init_errors5();
    init_note();
    init_tile();
    init_tlog_note();
    init_tlog();
    MAX_LOOKUP_BYTES = 1 << 20;
    MAX_TILE_BYTES = 1 << 20;
    SumdbClient = class {
      name;
      verifier;
      baseUrl;
      http;
      cache;
      height;
      timeoutMs;
      latest = { n: 0, hash: ZERO_HASH };
      latestMsg = Buffer.alloc(0);
      init;
      lookups = /* @__PURE__ */ new Map();
      inflightTiles = /* @__PURE__ */ new Map();
      savedTiles = /* @__PURE__ */ new Map();
      tileReader;
      constructor(options2) {
        this.verifier = parseVerifierKey(options2.verifierKey.trim());
        if (options2.name !== void 0 && options2.name !== this.verifier.name) {
          throw new InvalidKeyError(`verifier key is for ${this.verifier.name}, not ${options2.name}`);
        }
        this.name = this.verifier.name;
        this.baseUrl = options2.baseUrl.replace(/\/+$/, "");
        this.http = options2.http;
        this.cache = options2.treeCache;
        this.height = options2.tileHeight ?? 8;
        if (!Number.isInteger(this.height) || this.height < 1 || this.height > 30) {
          throw new SumdbError(`invalid tile height ${this.height}`);
        }
        this.timeoutMs = options2.timeoutMs;
        this.tileReader = {
          height: this.height,
          readTiles: (tiles) => Promise.all(tiles.map((t) => this.readTile(t))),
          saveTiles: (tiles, data) => {
            tiles.forEach((t, i) => this.savedTiles.set(tilePath(t), data[i]));
          }
        };
      }
      /** The latest tree this client has verified (size 0 before the first lookup). */
      get latestTree() {
        return {
          size: this.latest.n,
          hash: this.latest.hash.toString("base64"),
          note: this.latestMsg.toString("utf8")
        };
      }
      /**
       * Looks up the go.sum lines of path@version (a trailing `/go.mod` on the
       * version is ignored) and returns them only once fully verified. Throws a
       * SumdbError subclass naming what failed; messages start `path@version: `
       * as the go command's do.
       */
      async lookup(path17, version) {
        const vers = version.endsWith("/go.mod") ? version.slice(0, -"/go.mod".length) : version;
        const prefix = `${path17}@${version}: `;
        try {
          await this.initialize();
          let remote;
          try {
            remote = `/lookup/${escapePath(path17)}@${escapeVersion(vers)}`;
          } catch (e) {
            throw new SumdbError(errorMessage(e));
          }
          let pending = this.lookups.get(remote);
          if (!pending) {
            pending = this.fetchAndVerify(remote);
            this.lookups.set(remote, pending);
            pending.catch(() => this.lookups.delete(remote));
          }
          const { rec } = await pending;
          const record = rec.text.toString("utf8");
          const lines = record.split("\n").filter((l) => l.startsWith(`${path17} ${vers} `) || l.startsWith(`${path17} ${vers}/go.mod `));
          const hashOf = (p) => lines.find((l) => l.startsWith(p) && l.slice(p.length).startsWith("h1:"))?.slice(p.length);
          return {
            id: rec.id,
            lines,
            zipHash: hashOf(`${path17} ${vers} `),
            goModHash: hashOf(`${path17} ${vers}/go.mod `),
            record,
            tree: { size: this.latest.n, hash: this.latest.hash.toString("base64") },
            note: rec.rest.toString("utf8")
          };
        } catch (e) {
          if (e instanceof SumdbError) throw e.withPrefix(prefix);
          throw e;
        }
      }
      initialize() {
        this.init ??= (async () => {
          const stored = await this.cache.read();
          await this.mergeLatest(stored ?? Buffer.alloc(0));
        })();
        return this.init.catch((e) => {
          if (e instanceof SumdbError) throw e.withPrefix("initializing sumdb client: ");
          throw e;
        });
      }
      async fetchAndVerify(remote) {
        const data = await this.get(remote, MAX_LOOKUP_BYTES);
        const rec = parseRecord(data);
        await this.mergeLatest(rec.rest);
        await this.checkRecord(rec.id, rec.text);
        return { data, rec };
      }
      async get(remote, maxBytes) {
        const url = this.baseUrl + remote;
        let res;
        try {
          res = await this.http.get(url, { timeoutMs: this.timeoutMs, maxBytes });
        } catch (e) {
          throw Object.assign(new SumdbHttpError(`reading ${url}: ${errorMessage(e)}`, url, 0, ""), {
            cause: e
          });
        }
        if (res.status === 200) return res.body;
        const body = res.body.toString("utf8");
        let msg = `reading ${url}: ${res.status} ${STATUS_CODES[res.status] ?? ""}`.trimEnd();
        if (body.trim() !== "") msg += `
	server response: ${body.trim()}`;
        if (res.status === 404 || res.status === 410) {
          throw new SumdbNotFoundError(msg, url, res.status, body);
        }
        throw new SumdbHttpError(msg, url, res.status, body);
      }
      readTile(tile) {
        const p = tilePath(tile);
        const saved = this.savedTiles.get(p);
        if (saved) return Promise.resolve(saved);
        const full = { ...tile, w: 2 ** tile.h };
        const savedFull = this.savedTiles.get(tilePath(full));
        if (savedFull) return Promise.resolve(savedFull.subarray(0, tile.w * 32));
        let pending = this.inflightTiles.get(p);
        if (!pending) {
          pending = (async () => {
            try {
              return await this.get(`/${p}`, MAX_TILE_BYTES);
            } catch (e) {
              if (tile.w === full.w) throw e;
              try {
                const data = await this.get(`/${tilePath(full)}`, MAX_TILE_BYTES);
                return data.subarray(0, Math.floor(data.length / full.w) * tile.w);
              } catch {
                throw e;
              }
            }
          })().finally(() => this.inflightTiles.delete(p));
          this.inflightTiles.set(p, pending);
        }
        return pending;
      }
      async mergeLatest(msg) {
        if (await this.mergeLatestMem(msg) !== "future") return;
        for (; ; ) {
          const stored = await this.cache.read();
          if (await this.mergeLatestMem(stored ?? Buffer.alloc(0)) !== "past") return;
          if (await this.cache.compareAndSwap(stored, this.latestMsg)) return;
        }
      }
      async mergeLatestMem(msg) {
        if (msg.length === 0) return this.latest.n === 0 ? "now" : "past";
        let text;
        try {
          text = openNote(msg, [this.verifier]).text;
        } catch (e) {
          if (e instanceof SumdbError) {
            throw e.withPrefix("reading tree note: ").withSuffix(`
note:
${msg.toString("utf8")}`);
          }
          throw e;
        }
        let tree;
        try {
          tree = parseTree(text);
        } catch (e) {
          if (e instanceof SumdbError)
            throw e.withPrefix("reading tree: ").withSuffix(`
tree:
${text}`);
          throw e;
        }
        for (; ; ) {
          const latest = this.latest;
          const latestMsg = this.latestMsg;
          if (tree.n <= latest.n) {
            await this.checkTrees(tree, msg, latest, latestMsg, true);
            return tree.n < latest.n ? "past" : "now";
          }
          await this.checkTrees(latest, latestMsg, tree, msg, false);
          if (this.latest === latest) {
            this.latest = tree;
            this.latestMsg = Buffer.from(msg);
            return "future";
          }
        }
      }
      /** Proves `older` is a prefix of `newer` using tiles authenticated against `newer`. */
      async checkTrees(older, olderNote, newer, newerNote, presentedIsOlder) {
        if (older.n === newer.n && older.hash.equals(newer.hash)) return;
        const thr = tileHashReader(newer, this.tileReader);
        let h;
        try {
          h = await treeHash(older.n, thr);
        } catch (e) {
          const where2 = older.n === newer.n ? `checking tree#${older.n}: ` : `checking tree#${older.n} against tree#${newer.n}: `;
          if (presentedIsOlder && older.n < newer.n) {
            throw new TreeRollbackError(
              `${where2}${errorMessage(e)}
(the server presents a tree of size ${older.n} but a tree of size ${newer.n} was verified before, and the older tree cannot be proven a prefix of it)`,
              newer.n,
              older.n
            );
          }
          if (e instanceof SumdbError) throw e.withPrefix(where2);
          throw e;
        }
        if (h.equals(older.hash)) return;
        const indent2 = (b) => b.toString("utf8").replaceAll("\n", "\n	");
        let report = `SECURITY ERROR
go.sum database server misbehavior detected!

old database:
	${indent2(olderNote)}
new database:
	${indent2(newerNote)}
proof of misbehavior:
	${h.toString("base64")}`;
        try {
          const p = await proveTree(newer.n, older.n, thr);
          checkTree(p, newer.n, newer.hash, older.n, h);
          for (const x of p) report += `
	${x.toString("base64")}`;
        } catch (e) {
          report += `	internal error: ${errorMessage(e)}
`;
        }
        throw new ServerMisbehaviorError(
          report,
          olderNote.toString("utf8"),
          newerNote.toString("utf8")
        );
      }
      async checkRecord(id, text) {
        const latest = this.latest;
        if (id < 0 || id >= latest.n) throw new RecordOutOfRangeError(id, latest.n);
        const [h] = await tileHashReader(latest, this.tileReader).readHashes([storedHashIndex(0, id)]);
        if (!h.equals(recordHash(text))) throw new RecordMismatchError();
      }
    };
  }
});

// src/sumdb/index.ts
var init_sumdb = __esm({
  "src/sumdb/index.ts"() {
    "use strict";
    init_errors5();
    init_note();
    init_tlog();
    init_tlog_note();
    init_tile();
    init_tree_cache();
    init_gosumdb();
    init_client2();
    init_encoding();
  }
});

// src/wire/failures.ts
function unreachable2(what, e) {
  const u = { kind: "unreachable", reason: `${what}: ${errorMessage(e)}` };
  const cause = e instanceof SumdbHttpError ? e.cause : void 0;
  const root = cause ?? e;
  if (root instanceof DeadlineError) {
    u.deadline = true;
    if (!root.sent) u.notSent = true;
    return u;
  }
  if (e instanceof SumdbHttpError) {
    if (e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500) {
      u.transient = true;
    }
    return u;
  }
  if (isTransient(e)) {
    u.transient = true;
    const after = e.retryAfterMs;
    if (typeof after === "number") u.retryAfterMs = after;
  }
  return u;
}
function mirrorFailure(what, e) {
  return e instanceof NotFoundError ? { kind: "not-found", body: e.body } : unreachable2(what, e);
}
var init_failures = __esm({
  "src/wire/failures.ts"() {
    "use strict";
    init_http();
    init_errors();
    init_sumdb();
  }
});

// src/wire/mirror.ts
import { createHash as createHash8 } from "node:crypto";
function infoFound(info) {
  return { kind: "found", version: info.Version, time: info.Time, origin: info.Origin };
}
function goproxyMirror(opts) {
  const once2 = { maxAttempts: 1 };
  const client = new GoproxyClient({
    proxy: opts.entries,
    http: opts.http,
    env: opts.env,
    clock: opts.clock,
    retry: once2
  });
  const first = opts.entries.find((e) => e.url !== "direct" && e.url !== "off");
  const cachedBase = first === void 0 ? void 0 : cachedOnly(first.url, opts.cachedOnlyHosts);
  const cachedClient = cachedBase === void 0 ? void 0 : new GoproxyClient({
    proxy: [{ url: cachedBase, fallback: "notfound" }],
    http: opts.http,
    env: opts.env,
    clock: opts.clock,
    retry: once2
  });
  return {
    url: opts.entries.map((e) => e.url === "direct" || e.url === "off" ? e.url : redactUrl(e.url)).join(","),
    async cached(path17, version) {
      if (cachedClient === void 0) return { kind: "unsupported" };
      try {
        return infoFound((await cachedClient.info(path17, version)).value);
      } catch (e) {
        return mirrorFailure("cached-only lookup", e);
      }
    },
    async warm(path17, version) {
      const r = await warmOnce(client, path17, version);
      switch (r.status) {
        case "ready":
          return infoFound(r.info);
        case "refused":
          return { kind: "not-found", body: r.body, final: true };
        case "lag":
          return { kind: "not-found", body: r.body, final: false };
        case "error":
          return unreachable2("warming", r.error);
      }
    },
    async info(path17, version) {
      try {
        return infoFound((await client.info(path17, version)).value);
      } catch (e) {
        return mirrorFailure("reading .info", e);
      }
    },
    async mod(path17, version) {
      try {
        const data = (await client.mod(path17, version)).value;
        return { kind: "ok", h1: hashGoMod(data), data };
      } catch (e) {
        return mirrorFailure("downloading .mod", e);
      }
    },
    async list(path17) {
      try {
        return { kind: "ok", versions: (await client.list(path17)).value.map((v) => v.version) };
      } catch (e) {
        return mirrorFailure("listing versions", e);
      }
    },
    async cachedList(path17) {
      if (cachedClient === void 0) return { kind: "unsupported" };
      try {
        const list = (await cachedClient.list(path17)).value;
        return { kind: "ok", versions: list.map((v) => v.version) };
      } catch (e) {
        return mirrorFailure("cached-only version list", e);
      }
    },
    async zip(path17, version) {
      let zipPath;
      let h1;
      try {
        ({ zipPath, h1 } = (await client.downloadZip(path17, version, opts.workDir)).value);
      } catch (e) {
        if (e instanceof ProtocolError) return { kind: "invalid", reason: e.message };
        return mirrorFailure("downloading .zip", e);
      }
      const prefix = `${path17}@${version}/`;
      const files2 = await zipFileDigests(zipPath, prefix);
      return {
        kind: "ok",
        h1,
        files: files2,
        readFile: (name) => readZipEntry(zipPath, prefix + name)
      };
    }
  };
}
async function zipFileDigests(zipPath, prefix) {
  const zip = await openZip(zipPath);
  try {
    const out = /* @__PURE__ */ new Map();
    for (const e of zip.entries) {
      if (!e.name.startsWith(prefix) || e.name.endsWith("/")) continue;
      const h = createHash8("sha256");
      for await (const c of await zip.openEntry(e)) h.update(c);
      out.set(e.name.slice(prefix.length), h.digest("hex"));
    }
    return out;
  } finally {
    zip.close();
  }
}
async function readZipEntry(zipPath, name) {
  const zip = await openZip(zipPath);
  try {
    const e = zip.entries.find((x) => x.name === name);
    if (e === void 0 || e.uncompressedSize > MAX_DIFF_FILE) return void 0;
    const chunks = [];
    for await (const c of await zip.openEntry(e)) chunks.push(c);
    return Buffer.concat(chunks);
  } finally {
    zip.close();
  }
}
var MAX_DIFF_FILE;
var init_mirror = __esm({
  "src/wire/mirror.ts"() {
    "use strict";
    init_dirhash();
    init_dirhash();
    init_goproxy();
    init_http();
    init_failures();
    MAX_DIFF_FILE = 1 << 20;
  }
});

// src/wire/tags.ts
function tagName(name) {
  return name.replace(/^refs\/tags\//, "");
}
function versionTag(name, commit) {
  const { codeDir, version } = splitTag(name);
  if (version === void 0) return void 0;
  return { name, codeDir, version, canonical: canonical(version) === version, commit };
}
async function versionTags(repo, codeDir) {
  const { tags } = await repo.refs();
  return [...tags].map(([name, commit]) => versionTag(name, commit)).filter(
    (t) => t !== void 0 && (codeDir === void 0 || t.codeDir === codeDir)
  );
}
async function atHead(repoDir) {
  const repo = await openRepo(repoDir);
  const { head } = await repo.refs();
  const tags = head === void 0 ? [] : (await versionTags(repo)).filter((t) => t.commit === head);
  return { repo, head, tags };
}
async function tagAtHead(repoDir) {
  const { tags } = await atHead(repoDir);
  const dirs = new Set(tags.map((t) => t.codeDir));
  if (dirs.size === 0) {
    throw new InputError(
      `no version tag points at HEAD in ${repoDir}: pass --tag (e.g. --tag v1.2.3)`
    );
  }
  if (dirs.size > 1) {
    const all = tags.map((t) => t.name).sort();
    throw new InputError(
      `HEAD carries version tags of several modules (${all.join(", ")}): pass --tag to choose one`
    );
  }
  tags.sort((a, b) => compare(b.version, a.version) || (a.name < b.name ? -1 : 1));
  return tags[0].name;
}
var init_tags = __esm({
  "src/wire/tags.ts"() {
    "use strict";
    init_git();
    init_errors();
    init_modfetch();
    init_semver2();
  }
});

// src/wire/local-repo.ts
function gitLocalRepo(repo, git = createGitRunner()) {
  const trees = /* @__PURE__ */ new Map();
  const tree = (rev) => {
    let t = trees.get(rev);
    if (t === void 0) {
      t = listTree(git, repo.dir, rev);
      trees.set(rev, t);
    }
    return t;
  };
  const readObject = batchedReader(git, repo.dir);
  const goMods = /* @__PURE__ */ new Map();
  const readGoMod2 = async (rev, oid) => {
    if (!goMods.has(oid)) {
      for (const e of await tree(rev)) {
        if (e.kind === "gitlink" || !isGoMod(e.path) || goMods.has(e.oid)) continue;
        const p = readObject(e.oid);
        p.catch(() => void 0);
        goMods.set(e.oid, p);
      }
    }
    return goMods.get(oid) ?? readObject(oid);
  };
  return {
    build: (tag, options2 = {}) => buildTag(repo, tag, options2.modulePath),
    versionTags: (codeDir) => versionTags(repo, codeDir),
    async modules(rev) {
      const out = [];
      for (const e of await tree(rev)) {
        if (e.kind === "gitlink" || !isGoMod(e.path)) continue;
        const dir = e.path.slice(0, Math.max(0, e.path.length - "/go.mod".length));
        const data = await readGoMod2(rev, e.oid);
        out.push({ dir, modulePath: modulePath(data) });
      }
      return out;
    },
    async goMod(rev, dir) {
      const listed = trees.get(rev);
      if (listed === void 0) return repo.readBlob(rev, goModPathAt(dir));
      const want = goModPathAt(dir);
      const e = (await listed).find((x) => x.path === want && x.kind !== "gitlink");
      return e === void 0 ? void 0 : readGoMod2(rev, e.oid);
    },
    async files(rev, dir) {
      const prefix = dir === "" ? "" : `${dir}/`;
      const out = [];
      for (const e of await tree(rev)) {
        if (e.kind === "gitlink" || !e.path.startsWith(prefix)) continue;
        const oid = e.oid;
        out.push({
          path: e.path.slice(prefix.length),
          kind: e.kind,
          read: () => isGoMod(e.path) ? readGoMod2(rev, oid) : readObject(oid)
        });
      }
      return out;
    }
  };
}
async function buildTag(repo, tag, modulePath2) {
  const bare = tagName(tag);
  const { tags } = await repo.refs();
  const commit = tags.get(bare);
  if (commit === void 0) {
    const hint = repo.shallow ? " This is a shallow clone: fetch the tag (`git fetch --tags`, or `fetch-depth: 0` with actions/checkout)." : " Push or fetch the tag first, or name another with --tag / the `tag` input.";
    throw new InputError(`tag ${JSON.stringify(bare)} does not exist in ${repo.dir}.${hint}`);
  }
  const parsed = versionTag(bare, commit);
  if (parsed === void 0) {
    throw new InputError(
      `tag ${JSON.stringify(bare)} is not a module version tag: Go publishes tags like v1.2.3 or sub/dir/v1.2.3`
    );
  }
  const { codeDir, version: tagVersion } = parsed;
  const base = {
    tag: bare,
    tagRef: `refs/tags/${bare}`,
    commit,
    zipFiles: /* @__PURE__ */ new Map(),
    readFile: () => Promise.resolve(void 0),
    retractions: []
  };
  if (!parsed.canonical) {
    return {
      ...base,
      modulePath: "",
      version: tagVersion,
      goModPath: goModPathAt(codeDir),
      goModSum: "",
      versionError: {
        text: `tag ${bare}: version ${JSON.stringify(tagVersion)} is not canonical (should be ${JSON.stringify(canonical(tagVersion))}); the go command ignores such tags`
      }
    };
  }
  const watch = watchRepositoryErrors(gitCodeHost(repo));
  const probe = watch.watched;
  const inferred = await inferModuleFromTag(
    probe,
    commit,
    bare,
    modulePath2 === void 0 || modulePath2 === "" ? {} : { modulePath: modulePath2 }
  );
  const built = await buildModule(probe, {
    modulePath: inferred.modulePath,
    codeRoot: inferred.codeRoot,
    query: tagVersion
  });
  const gitFailure = watch.failure();
  if (gitFailure !== void 0) throw gitFailure;
  const moduleDir = built.dir ?? codeDir;
  const goModPath = goModPathAt(moduleDir);
  const local = {
    ...base,
    modulePath: inferred.modulePath,
    version: built.version,
    goModPath,
    goModSum: built.goModSum ?? "",
    existingVersions: (await versionTags(repo, codeDir)).filter((t) => t.canonical).map((t) => t.version),
    shallow: repo.shallow
  };
  if (built.sum !== void 0) local.sum = built.sum;
  if (built.goMod !== void 0) local.goMod = built.goMod;
  if (built.error !== void 0) {
    if (built.errorKind === "zip") local.zipError = { text: built.error };
    else local.versionError = { text: built.error };
  }
  Object.assign(local, await goModFacts(repo, commit, goModPath));
  if (built.files !== void 0) {
    local.zipFiles = new Map(built.files.kept.map((f) => [f.path, f.sha256]));
    local.readFile = lazyArchiveReader(repo, commit, moduleDir, new Set(local.zipFiles.keys()));
  }
  return local;
}
async function goModFacts(repo, commit, goModPath) {
  const data = await repo.readBlob(commit, goModPath);
  if (data === void 0) return {};
  const facts = {};
  const declared = modulePath(data);
  if (declared !== "") facts.declaredModulePath = declared;
  try {
    const file = parseLax(goModPath, data);
    if (file.module !== void 0) {
      facts.moduleLine = { line: file.module.line, column: file.module.column };
    }
    const dep = deprecation(file);
    if (dep !== void 0) facts.deprecated = dep;
    facts.retractions = file.retract.map((r) => ({
      low: r.low,
      high: r.high,
      rationale: r.rationale,
      line: r.line
    }));
  } catch {
  }
  return facts;
}
function lazyArchiveReader(repo, commit, moduleDir, kept) {
  let files2;
  const load = async () => {
    const out = /* @__PURE__ */ new Map();
    await repo.archive(commit, moduleDir, async (m) => {
      const wanted = m.kind === "regular" && m.size <= MAX_DIFF_FILE && kept.has(m.path);
      const chunks = [];
      for await (const c of m.body()) if (wanted) chunks.push(Buffer.from(c));
      if (wanted) out.set(m.path, Buffer.concat(chunks));
    });
    if (moduleDir !== "" && kept.has("LICENSE") && !out.has("LICENSE")) {
      const license = await repo.readBlob(commit, "LICENSE");
      if (license !== void 0 && license.length <= MAX_DIFF_FILE) out.set("LICENSE", license);
    }
    return out;
  };
  return async (name) => {
    files2 ??= load();
    return (await files2).get(name);
  };
}
async function listTree(git, dir, rev) {
  const r = await git.run(["ls-tree", "-r", "-z", "--full-tree", rev], { cwd: dir });
  if (r.code !== 0) {
    throw new RepositoryError(`git ls-tree: ${oneLine(r.stderr.toString("utf8"))}`);
  }
  const out = [];
  let start = 0;
  while (start < r.stdout.length) {
    let end = r.stdout.indexOf(0, start);
    if (end < 0) end = r.stdout.length;
    const rec = r.stdout.subarray(start, end);
    start = end + 1;
    const tab = rec.indexOf(9);
    const [mode = "", , oid = ""] = rec.subarray(0, tab).toString("utf8").split(" ");
    const kind = KINDS[mode];
    if (kind !== void 0) out.push({ path: decodeGoString(rec.subarray(tab + 1)), kind, oid });
  }
  return out;
}
function batchedReader(git, dir) {
  let queue = [];
  const flush = async () => {
    const batch = queue;
    queue = [];
    try {
      const input = batch.map((b) => b.oid).join("\n") + "\n";
      const r = await git.run(["cat-file", "--batch"], { cwd: dir, input });
      if (r.code !== 0) {
        throw new RepositoryError(`git cat-file: ${oneLine(r.stderr.toString("utf8"))}`);
      }
      answer(batch, r.stdout);
    } catch (e) {
      for (const b of batch) b.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  return (oid) => new Promise((resolve, reject) => {
    queue.push({ oid, resolve, reject });
    if (queue.length === 1) setImmediate(() => void flush());
  });
}
function answer(batch, out) {
  let off = 0;
  for (const [i, b] of batch.entries()) {
    const nl = out.indexOf(10, off);
    const header = out.subarray(off, nl < 0 ? out.length : nl).toString("latin1");
    if (nl >= 0 && header === `${b.oid} missing`) {
      b.reject(new RepositoryError(`git cat-file: object ${b.oid} is missing`));
      off = nl + 1;
      continue;
    }
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    const start = nl + 1;
    const size = m === null ? 0 : Number(m[1]);
    if (nl < 0 || m === null || start + size > out.length) {
      const said = header === "" ? "no answer" : header;
      for (const rest of batch.slice(i)) {
        rest.reject(new RepositoryError(`git cat-file: object ${rest.oid}: ${said}`));
      }
      return;
    }
    b.resolve(Buffer.from(out.subarray(start, start + size)));
    off = start + size + 1;
  }
}
var goModPathAt, KINDS, isGoMod;
var init_local_repo = __esm({
  "src/wire/local-repo.ts"() {
    "use strict";
    init_git();
    init_errors();
    init_go_string();
    init_modfile();
    init_modfetch();
    init_semver2();
    init_mirror();
    init_tags();
    goModPathAt = (dir) => dir === "" ? "go.mod" : `${dir}/go.mod`;
    KINDS = {
      "100644": "regular",
      "100755": "executable",
      "120000": "symlink",
      "160000": "gitlink"
    };
    isGoMod = (p) => p === "go.mod" || p.endsWith("/go.mod");
  }
});

// src/wire/caching-mirror.ts
function cachingMirror(mirror) {
  const lists = /* @__PURE__ */ new Map();
  const mods = /* @__PURE__ */ new Map();
  function remember(cache, key2, keep, ask) {
    const known = cache.get(key2);
    if (known !== void 0) return known;
    const p = ask();
    cache.set(key2, p);
    p.then(
      (a) => {
        if (!keep(a)) cache.delete(key2);
      },
      () => cache.delete(key2)
    );
    return p;
  }
  const cachedList = mirror.cachedList?.bind(mirror);
  return {
    url: mirror.url,
    ...mirror.unreachableFix !== void 0 ? { unreachableFix: mirror.unreachableFix } : {},
    cached: (path17, version) => mirror.cached(path17, version),
    ...cachedList !== void 0 ? { cachedList } : {},
    warm: (path17, version, deadline) => mirror.warm(path17, version, deadline),
    info: (path17, version) => mirror.info(path17, version),
    zip: (path17, version) => mirror.zip(path17, version),
    list: (path17) => remember(
      lists,
      path17,
      (a) => a.kind === "ok" || a.kind === "not-found",
      () => mirror.list(path17)
    ),
    mod: (path17, version) => remember(
      mods,
      `${path17}@${version}`,
      (a) => a.kind === "ok",
      () => mirror.mod(path17, version)
    )
  };
}
var init_caching_mirror = __esm({
  "src/wire/caching-mirror.ts"() {
    "use strict";
  }
});

// src/wire/sumdb.ts
function sumdbPort(client) {
  return {
    name: client.name,
    async lookup(path17, version) {
      try {
        const r = await client.lookup(path17, version);
        if (r.zipHash === void 0 || r.goModHash === void 0) {
          return {
            kind: "unverifiable",
            reason: `the record for ${path17}@${version} lacks an h1 line:
${r.record}`
          };
        }
        return { kind: "found", zipHash: r.zipHash, goModHash: r.goModHash };
      } catch (e) {
        if (e instanceof SumdbNotFoundError) return { kind: "not-found", body: e.message };
        if (e instanceof SumdbHttpError) return unreachable2("checksum database", e);
        if (e instanceof SumdbError) return { kind: "unverifiable", reason: e.message };
        return unreachable2("checksum database", e);
      }
    }
  };
}
async function sumdbBase(setting, entries, http4) {
  try {
    return await sumdbBaseUrl(
      setting,
      entries.map((e) => ({ url: e.url, fallBackOnError: e.fallback === "any" })),
      http4,
      SUMDB_REQUEST_MS
    );
  } catch (e) {
    if (e instanceof SkippedError) return unreachable2("checksum database", e);
    return unreachable2("finding the checksum database", e);
  }
}
var SUMDB_REQUEST_MS;
var init_sumdb2 = __esm({
  "src/wire/sumdb.ts"() {
    "use strict";
    init_goproxy();
    init_sumdb();
    init_failures();
    SUMDB_REQUEST_MS = 6e4;
  }
});

// src/wire/remote.ts
function remoteSidesFor(wiring, run) {
  return remoteSides({
    ...run,
    logger: wiring.logger,
    proxyEnv: wiring.env ?? process.env,
    ...wiring.cachedOnlyHosts !== void 0 ? { cachedOnlyHosts: wiring.cachedOnlyHosts } : {}
  });
}
function remoteSides(o) {
  const usable = o.entries.filter(isProxy);
  let mirror;
  let sumdb;
  const on = (port) => ({ kind: "on", port });
  const off = (reason2) => ({ kind: "off", reason: reason2 });
  return {
    // A path of '' (a tag Go would never list) is matched by no pattern.
    mirrorFor(path17) {
      if (usable.length === 0) {
        return Promise.resolve(
          off(
            `GOPROXY=${o.env.GOPROXY} names no module proxy (modseal never fetches from version control)`
          )
        );
      }
      if (path17 !== "" && !useProxyFor(o.env, path17)) {
        return Promise.resolve(off(`GONOPROXY/GOPRIVATE matches ${path17}`));
      }
      mirror ??= cachingMirror({
        ...goproxyMirror({
          entries: o.entries,
          env: o.env,
          http: o.http,
          clock: o.clock,
          workDir: o.workDir,
          ...o.cachedOnlyHosts !== void 0 ? { cachedOnlyHosts: o.cachedOnlyHosts } : {}
        }),
        unreachableFix: unreachableFix("the mirror", usable[0].url, o.proxyEnv)
      });
      return Promise.resolve(on(mirror));
    },
    async sumdbFor(path17) {
      const setting = o.sumdb;
      if (setting.off) return off("GOSUMDB=off");
      if (path17 !== "" && !useSumdbFor(o.env, path17)) {
        return off(`GONOSUMDB/GOPRIVATE matches ${path17}`);
      }
      sumdb ??= openSumdb(o, setting, usable);
      return on(await sumdb);
    }
  };
}
async function openSumdb(o, setting, usable) {
  const baseUrl = await sumdbBase(setting, o.entries, o.http);
  if (setting.url === void 0 && usable.length > 0) {
    o.logger.info(
      `${usable.map((e) => redactUrl(e.url)).join(",")} /sumdb/${setting.name}/supported: ` + (typeof baseUrl === "string" ? `using ${redactUrl(baseUrl)}` : baseUrl.reason.split("\n", 1)[0])
    );
  }
  const fix = unreachableFix(
    "the checksum database",
    typeof baseUrl === "string" ? baseUrl : setting.directUrl,
    o.proxyEnv
  );
  if (typeof baseUrl !== "string") {
    return { name: setting.name, unreachableFix: fix, lookup: () => Promise.resolve(baseUrl) };
  }
  const client = new SumdbClient({
    name: setting.name,
    verifierKey: setting.verifierKey,
    baseUrl,
    http: o.http,
    timeoutMs: SUMDB_REQUEST_MS,
    treeCache: o.sumdbCache === void 0 || o.sumdbCache === "" ? memoryTreeCache() : fileTreeCache(o.sumdbCache)
  });
  return { ...sumdbPort(client), unreachableFix: fix };
}
var isProxy;
var init_remote = __esm({
  "src/wire/remote.ts"() {
    "use strict";
    init_http();
    init_goproxy();
    init_sumdb();
    init_caching_mirror();
    init_mirror();
    init_sumdb2();
    isProxy = (e) => e.url !== "direct" && e.url !== "off";
  }
});

// src/wire/release.ts
function effectiveEnv(settings, base) {
  const merged = { ...base };
  if (settings.goproxy !== void 0 && settings.goproxy !== "") merged.GOPROXY = settings.goproxy;
  if (settings.gosumdb !== void 0 && settings.gosumdb !== "") merged.GOSUMDB = settings.gosumdb;
  if (settings.goprivate !== void 0 && settings.goprivate !== "") {
    merged.GOPRIVATE = settings.goprivate;
  }
  if (settings.gonosumdb !== void 0 && settings.gonosumdb !== "") {
    merged.GONOSUMDB = settings.gonosumdb;
  }
  return goEnvFromProcess(merged);
}
async function httpClient(o, env, entries, token, limit) {
  const privateProxies = entries.map((e) => e.url).filter((u) => u !== "direct" && u !== "off");
  const base = o.http ?? createNodeHttpClient({
    credentials: createCredentials({
      token: token === void 0 || token === "" ? void 0 : `Bearer ${token}`,
      // What the go command passes over silently in .netrc is said, one line each.
      netrc: await readNetrcFile(env.NETRC, (m) => o.logger.info(m)),
      privateProxies
    }),
    // HTTPS_PROXY/HTTP_PROXY/NO_PROXY, read as the go command reads them.
    proxyEnv: o.env ?? process.env
  });
  return withDeadline(base, {
    deadline: limit.deadline,
    clock: limit.clock,
    label: `the check's deadline (timeout ${formatDuration(limit.timeoutMs)})`
  });
}
function createReleaseCheck(options2) {
  return async (req) => {
    const clock = options2.clock ?? systemClock;
    const timeoutMs = req.timeoutMs ?? defaultTimeoutMs(req.warmTimeoutMs);
    const deadline = clock.now() + timeoutMs;
    const env = effectiveEnv(req, options2.env ?? process.env);
    const entries = parseGoproxy(env.GOPROXY);
    const sumdb = parseGoSumdb(env.GOSUMDB);
    const local = gitLocalRepo(await openRepo(req.repoDir));
    const http4 = await httpClient(options2, env, entries, req.proxyToken, {
      deadline,
      timeoutMs,
      clock
    });
    const workDir = await makeTempDir("modseal-verify-");
    try {
      const remote = remoteSidesFor(options2, {
        env,
        entries,
        sumdb,
        http: http4,
        clock,
        workDir,
        ...req.sumdbCache !== void 0 ? { sumdbCache: req.sumdbCache } : {}
      });
      return await runReleaseCheck(
        {
          tag: req.tag,
          ...req.modulePath !== void 0 && req.modulePath !== "" ? { modulePath: req.modulePath } : {},
          warm: req.warm,
          warmTimeoutMs: req.warmTimeoutMs,
          timeoutMs,
          deadline
        },
        { local, ...remote, clock, logger: options2.logger }
      );
    } finally {
      await removeTempDir(workDir);
    }
  };
}
var init_release2 = __esm({
  "src/wire/release.ts"() {
    "use strict";
    init_asker();
    init_release();
    init_git();
    init_goproxy();
    init_http();
    init_retry();
    init_temp_dirs();
    init_sumdb();
    init_local_repo();
    init_remote();
  }
});

// src/internal/duration.ts
function parseDuration(text) {
  if (!/^(?:[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h))+$/.test(text)) return void 0;
  let total = 0;
  for (const m of text.matchAll(/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g)) {
    total += Number(m[1]) * (UNITS[m[2] ?? ""] ?? NaN);
  }
  return Number.isFinite(total) ? Math.round(total) : void 0;
}
var UNITS, MAX_WARM_MS;
var init_duration = __esm({
  "src/internal/duration.ts"() {
    "use strict";
    UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
    MAX_WARM_MS = 6 * 36e5;
  }
});

// src/wire/settings.ts
function checked(name, value, check2) {
  try {
    check2(value);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${name}: ${errorMessage(e)}`);
    throw e;
  }
}
function patternList(value) {
  const items = value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  return items.length > 0 ? items.join(",") : void 0;
}
function duration(name, text, max2, maxText) {
  const ms = parseDuration(text);
  if (ms === void 0) {
    throw new InputError(
      `${name}: ${JSON.stringify(text)} is not a duration (use a number and a unit: 90s, 10m, 1h30m)`
    );
  }
  if (ms <= 0) throw new InputError(`${name}: must be longer than 0, not ${text}`);
  if (ms > max2) throw new InputError(`${name}: ${text} is longer than the limit of ${maxText}`);
  return ms;
}
function parseCheckSettings(raw, names) {
  const text = (k) => {
    const v = raw[k]?.trim();
    return v === void 0 || v === "" ? void 0 : v;
  };
  const goproxy = text("goproxy");
  if (goproxy !== void 0) checked(names.goproxy, goproxy, parseGoproxy);
  const gosumdb = text("gosumdb");
  if (gosumdb !== void 0) checked(names.gosumdb, gosumdb, parseGoSumdb);
  const warm = text("warmTimeout");
  const warmTimeoutMs = warm === void 0 ? DEFAULT_WARM_MS : duration(names.warmTimeout, warm, MAX_WARM_MS, "6h");
  const timeout = text("timeout");
  const settings = {
    warmTimeoutMs,
    timeoutMs: timeout === void 0 ? defaultTimeoutMs(warmTimeoutMs) : duration(names.timeout, timeout, MAX_TIMEOUT_MS, "24h")
  };
  if (goproxy !== void 0) settings.goproxy = goproxy;
  if (gosumdb !== void 0) settings.gosumdb = gosumdb;
  const goprivate = patternList(raw.goprivate ?? "");
  if (goprivate !== void 0) settings.goprivate = goprivate;
  const gonosumdb = patternList(raw.gonosumdb ?? "");
  if (gonosumdb !== void 0) settings.gonosumdb = gonosumdb;
  const proxyToken = text("proxyToken");
  if (proxyToken !== void 0) settings.proxyToken = proxyToken;
  return settings;
}
var FLAG_NAMES, DEFAULT_WARM_MS, MAX_TIMEOUT_MS;
var init_settings = __esm({
  "src/wire/settings.ts"() {
    "use strict";
    init_release();
    init_goproxy();
    init_duration();
    init_errors();
    init_sumdb();
    FLAG_NAMES = {
      goproxy: "--proxy",
      gosumdb: "--sumdb",
      goprivate: "GOPRIVATE",
      gonosumdb: "GONOSUMDB",
      proxyToken: "GOPROXY token",
      warmTimeout: "--warm-timeout",
      timeout: "--timeout"
    };
    DEFAULT_WARM_MS = 10 * 6e4;
    MAX_TIMEOUT_MS = 24 * 36e5;
  }
});

// src/wire/index.ts
var init_wire = __esm({
  "src/wire/index.ts"() {
    "use strict";
    init_release2();
    init_settings();
    init_tags();
    init_local_repo();
    init_remote();
    init_caching_mirror();
  }
});

// src/cli/output-file.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { createWriteStream as createWriteStream2 } from "node:fs";
import { open as open2, rename as rename3, rm as rm4, stat as stat4 } from "node:fs/promises";
import path6 from "node:path";
function reason(e) {
  const code = e.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "the file system is read-only";
  if (code === "ENOSPC") return "no space left on the device";
  return errorMessage(e);
}
async function checkOutputPath(flag, value, cwd, options2 = {}) {
  if (value === "") throw new InputError(`${flag} needs a file name`);
  const file = path6.resolve(cwd, value);
  const st = await stat4(file).catch(() => void 0);
  if (st?.isDirectory() === true) {
    throw new InputError(
      `${flag} ${file} is a folder: name a file (for example ${path6.join(file, "out")})`
    );
  }
  let dir = path6.dirname(file);
  for (; ; ) {
    const d = await stat4(dir).catch((e) => e);
    if (d instanceof Error) {
      if (d.code === "ENOENT" && options2.createsFolders === true && path6.dirname(dir) !== dir) {
        dir = path6.dirname(dir);
        continue;
      }
      if (d.code === "ENOENT") {
        throw new InputError(
          `${flag} ${file}: the folder ${dir} does not exist: create it first (mkdir -p ${dir}) or choose another path`
        );
      }
      if (d.code === "ENOTDIR") {
        throw new InputError(
          `${flag} ${file}: a file is in the way of the folder ${dir}: choose another path`
        );
      }
      throw new InputError(
        `${flag} ${file}: cannot use the folder ${dir} (${reason(d)}): choose another path`
      );
    }
    if (!d.isDirectory()) {
      throw new InputError(`${flag} ${file}: ${dir} is not a folder: choose another path`);
    }
    return file;
  }
}
async function openOutputFile(flag, value, cwd) {
  const file = await checkOutputPath(flag, value, cwd);
  const tmp = path6.join(
    path6.dirname(file),
    `.${path6.basename(file)}.${randomBytes2(4).toString("hex")}.tmp`
  );
  try {
    const fh = await open2(tmp, "wx");
    await fh.close();
  } catch (e) {
    throw new InputError(
      `${flag} ${file}: cannot write in ${path6.dirname(file)} (${reason(e)}): choose a writable folder`
    );
  }
  const forget = removeOnInterrupt(tmp);
  const stream = createWriteStream2(tmp);
  const closed = new Promise((resolve, reject) => {
    stream.once("close", resolve);
    stream.once("error", reject);
  });
  const close = async () => {
    if (!stream.writableFinished && !stream.destroyed) stream.end();
    await closed;
  };
  return {
    path: file,
    stream,
    async commit() {
      try {
        await close();
        await rename3(tmp, file);
      } catch (e) {
        await rm4(tmp, { force: true });
        throw new InputError(`${flag} ${file}: cannot write it (${reason(e)})`);
      } finally {
        forget();
      }
    },
    async discard() {
      stream.destroy();
      await closed.catch(() => void 0);
      await rm4(tmp, { force: true });
      forget();
    }
  };
}
var init_output_file = __esm({
  "src/cli/output-file.ts"() {
    "use strict";
    init_errors();
    init_temp_dirs();
  }
});

// src/cli/hash-command.ts
var hash_command_exports = {};
__export(hash_command_exports, {
  checkVersionFlag: () => checkVersionFlag,
  hashCommand: () => hashCommand
});
import path7 from "node:path";
function checkVersionFlag(value) {
  const inc = value.endsWith("+incompatible") ? "+incompatible" : "";
  const base = value.slice(0, value.length - inc.length);
  if (isValid(base) && canonical(base) === base) return value;
  const withV = "v" + base.replace(/^[vV]/, "");
  const guess = isValid(withV) ? canonical(withV) + inc : void 0;
  throw new InputError(
    `--version ${JSON.stringify(value)} is not a canonical module version` + (guess === void 0 ? " (like v1.2.3)" : `: did you mean ${guess}?`)
  );
}
function shallowHint(repo) {
  return repo.shallow ? ": this is a shallow clone without it; run `git fetch --tags` (or use fetch-depth: 0 with actions/checkout)" : "";
}
async function resolveCommit(repo, flag, name) {
  const { tags, heads } = await repo.refs();
  const bare = tagName(name);
  const tagCommit = tags.get(bare);
  if (tagCommit !== void 0) return { commit: tagCommit, tag: bare };
  const head = heads.get(name.replace(/^refs\/heads\//, ""));
  const any = head ?? await repo.resolveAny(name);
  if (flag === "--tag") {
    if (any !== void 0) {
      throw new InputError(
        `${JSON.stringify(name)} is not a tag in ${repo.dir}: for a branch or commit use --ref ${name} --version VER`
      );
    }
    throw new InputError(`no tag ${JSON.stringify(name)} in ${repo.dir}${shallowHint(repo)}`);
  }
  if (any !== void 0) return { commit: any, tag: void 0 };
  throw new InputError(`unknown ref ${JSON.stringify(name)} in ${repo.dir}${shallowHint(repo)}`);
}
function toJson(m) {
  return {
    module: m.modulePath,
    version: m.version,
    commit: m.commit ?? null,
    time: m.time ?? null,
    dir: m.dir ?? null,
    sum: m.sum ?? null,
    goModSum: m.goModSum ?? null,
    goSum: m.error === void 0 ? goSumLines(m) : [],
    files: m.files === void 0 ? null : {
      kept: m.files.kept,
      omitted: m.files.omitted,
      invalid: m.files.invalid
    },
    error: m.error ?? null
  };
}
var USAGE, ALIASES, hashCommand;
var init_hash_command = __esm({
  "src/cli/hash-command.ts"() {
    "use strict";
    init_git();
    init_errors();
    init_modfetch();
    init_semver2();
    init_wire();
    init_flags();
    init_io();
    init_output_file();
    USAGE = `usage: modseal hash [--repo DIR] (--tag TAG | --ref REF) [--module PATH] [--version VER]
                    [--zip-out FILE] [--json]

Prints the go.sum lines the Go module mirror would record for a tag:
  <module> <version> h1:...
  <module> <version>/go.mod h1:...
The module path and version come from the tag and go.mod, as the go command
reads them; if Go would refuse the version or the zip, Go's text is printed.

flags:
  --repo DIR       the git clone to read (default: the current folder); never changed
  --tag TAG        the version tag to hash: v1.2.3, or sub/dir/v1.2.3 for the module in sub/dir
  --ref REF        a branch or commit instead of a tag (or a tag, as --tag takes it);
                   give --version unless REF is a version tag
  --version VER    answer as if the commit were tagged VER: a canonical version like
                   v1.2.3 or v2.0.0+incompatible
  --module PATH    the module path, for a commit without go.mod (a +incompatible release)
  --zip-out FILE   also write the module zip, byte for byte as the mirror would serve it;
                   FILE's folder must exist, and FILE is replaced only by a complete zip
  --json           one JSON document on stdout (with "error" when the input is wrong)
  -h, --help       this help

exit status: 0 hashed, 1 Go refuses the version or the zip, 2 usage or input
error, 130/143 interrupted
`;
    ALIASES = {
      "working-directory": "repo",
      dir: "repo",
      out: "zip-out",
      output: "zip-out",
      "module-path": "module"
    };
    hashCommand = async (argv, io) => {
      const values = parseFlags(
        "hash",
        USAGE,
        {
          repo: { type: "string" },
          tag: { type: "string" },
          ref: { type: "string" },
          module: { type: "string" },
          version: { type: "string" },
          "zip-out": { type: "string" },
          json: { type: "boolean" }
        },
        argv,
        io,
        ALIASES
      );
      if (typeof values === "number") return values;
      if (values.tag !== void 0 && values.ref !== void 0) {
        throw new UsageError("give --tag or --ref, not both", "hash");
      }
      const flag = values.tag !== void 0 ? "--tag" : "--ref";
      const name = values.tag ?? values.ref;
      if (name === void 0 || name === "") {
        throw new UsageError("name the commit to hash with --tag TAG (or --ref REF)", "hash");
      }
      if (values.version !== void 0) checkVersionFlag(values.version);
      let zipOut;
      if (values["zip-out"] !== void 0) {
        zipOut = await openOutputFile("--zip-out", values["zip-out"], io.cwd);
      }
      try {
        const repo = await openRepo(path7.resolve(io.cwd, values.repo ?? "."));
        const { commit, tag } = await resolveCommit(repo, flag, name);
        if (values.version === void 0 && (tag === void 0 || !versionTag(tag, commit))) {
          throw new InputError(
            `${name} is not a semantic-version tag (like v1.2.3 or sub/dir/v1.2.3): pass --version`
          );
        }
        const probe = watchRepositoryErrors(gitCodeHost(repo));
        const inferred = await inferModuleFromTag(probe.watched, commit, tag, {
          modulePath: values.module,
          version: values.version
        });
        const version = inferred.version;
        const asTag = inferred.codeDir === "" ? version : `${inferred.codeDir}/${version}`;
        const pretend = /* @__PURE__ */ new Map([[asTag.replace(/\+incompatible$/, ""), commit]]);
        const code = watchRepositoryErrors(gitCodeHost(repo, { pretendTags: pretend }));
        const built = await buildModule(code.watched, {
          modulePath: inferred.modulePath,
          codeRoot: inferred.codeRoot,
          query: version
        });
        const gitFailure = probe.failure() ?? code.failure();
        if (gitFailure !== void 0) throw gitFailure;
        if (built.error === void 0 && zipOut !== void 0) {
          await writeBuiltModuleZip(repo, code.watched, inferred.codeRoot, built, zipOut.stream);
          await zipOut.commit();
          zipOut = void 0;
        }
        if (values.json === true) {
          io.stdout(JSON.stringify(toJson(built), null, 2) + "\n");
          if (built.error !== void 0) io.stderr(built.error + "\n");
        } else if (built.error !== void 0) {
          io.stderr(built.error + "\n");
        } else {
          io.stdout(goSumLines(built).join("\n") + "\n");
        }
        return built.error === void 0 ? EXIT_PASS : EXIT_FAIL;
      } finally {
        await zipOut?.discard();
      }
    };
  }
});

// src/report/json.ts
function pick(o, keys) {
  const out = {};
  for (const k of keys) if (o[k] !== void 0) out[k] = o[k];
  return out;
}
function renderJson(report) {
  const doc = {
    schema: report.schema,
    verdict: report.verdict,
    compared: report.compared ?? [],
    ...pick(report, ["localOnly", "tag", "module", "version", "commit", "mirrorCommit"]),
    ...report.goMod ? { goMod: pick(report.goMod, ["file", "line", "column"]) } : {},
    hashes: {
      local: pick(report.hashes.local, ["zip", "mod"]),
      mirror: pick(report.hashes.mirror, ["zip", "mod"]),
      sumdb: pick(report.hashes.sumdb, ["zip", "mod"])
    },
    ...pick(report, ["mirrorUrl", "sumdbName"]),
    steps: report.steps.map((s) => pick(s, ["name", "status", "detail", "attempts"])),
    findings: report.findings.map(
      (f) => pick(f, ["code", "severity", "message", "file", "line", "column", "fix"])
    ),
    ...report.diff ? {
      diff: {
        added: report.diff.added,
        removed: report.diff.removed,
        changed: report.diff.changed.map(
          (c) => pick(c, ["name", "mirrorSha256", "localSha256", "diff", "note"])
        )
      }
    } : {},
    ...report.remedy ? { remedy: pick(report.remedy, ["nextVersion", "retract", "caveat"]) } : {}
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
var init_json = __esm({
  "src/report/json.ts"() {
    "use strict";
  }
});

// src/report/text.ts
function indent(text, prefix) {
  return text.split("\n").map((l) => l === "" ? l : prefix + l).join("\n");
}
function hashLine(label, h) {
  if (h.zip === void 0 && h.mod === void 0) return void 0;
  return `  ${label.padEnd(8)} zip ${h.zip ?? "-"}  go.mod ${h.mod ?? "-"}`;
}
function renderText(report) {
  const out = [];
  const subject = report.module ? `${report.module}@${report.version ?? "?"}` : report.tag;
  const verdict = report.verdict === "pass" && report.localOnly !== void 0 ? `${VERDICT.pass} (local only)` : VERDICT[report.verdict];
  out.push(`modseal release gate: ${verdict}  ${subject} (tag ${report.tag})`);
  if (report.localOnly !== void 0) out.push(`  local only: ${report.localOnly}`);
  if (report.compared !== void 0) {
    out.push(`  compared ${report.compared.length > 0 ? report.compared.join(", ") : "nothing"}`);
  }
  if (report.commit) out.push(`  commit   ${report.commit}`);
  for (const line of [
    hashLine("local", report.hashes.local),
    hashLine("mirror", report.hashes.mirror),
    hashLine("sumdb", report.hashes.sumdb)
  ]) {
    if (line !== void 0) out.push(line);
  }
  out.push("", "steps:");
  for (const s of report.steps) {
    const tries = s.attempts === void 0 ? "" : ` [${s.attempts} request${s.attempts === 1 ? "" : "s"}]`;
    out.push(`  ${s.name.padEnd(14)} ${s.status.padEnd(9)} ${s.detail}${tries}`);
  }
  if (report.findings.length > 0) {
    out.push("", "findings:");
    for (const f of report.findings) {
      const where2 = f.file ? ` ${f.file}${f.line ? `:${f.line}` : ""}${f.column ? `:${f.column}` : ""}` : "";
      out.push(`  ${f.severity} ${f.code}${where2}`);
      out.push(indent(f.message, "    "));
      if (f.fix) out.push(indent(`fix: ${f.fix}`, "    "));
    }
  }
  const d = report.diff;
  if (d) {
    out.push("", "files (mirror -> tag now):");
    for (const n of d.added) out.push(`  added    ${n}`);
    for (const n of d.removed) out.push(`  removed  ${n}`);
    for (const c of d.changed) out.push(`  changed  ${c.name}${c.note ? ` (${c.note})` : ""}`);
    for (const c of d.changed) if (c.diff) out.push("", indent(c.diff.trimEnd(), "  "));
  }
  return out.join("\n") + "\n";
}
var VERDICT;
var init_text2 = __esm({
  "src/report/text.ts"() {
    "use strict";
    VERDICT = {
      pass: "PASS",
      fail: "FAIL",
      inconclusive: "INCONCLUSIVE"
    };
  }
});

// src/cli/verify-command.ts
var verify_command_exports = {};
__export(verify_command_exports, {
  makeVerifyCommand: () => makeVerifyCommand,
  verifyCommand: () => verifyCommand
});
import path8 from "node:path";
function makeVerifyCommand(wiring = {}) {
  return async (argv, io) => {
    const values = parseFlags(
      "verify",
      USAGE2,
      {
        repo: { type: "string" },
        tag: { type: "string" },
        module: { type: "string" },
        proxy: { type: "string" },
        sumdb: { type: "string" },
        "no-warm": { type: "boolean" },
        "warm-timeout": { type: "string" },
        timeout: { type: "string" },
        "sumdb-cache": { type: "string" },
        json: { type: "boolean" }
      },
      argv,
      io,
      VERIFY_ALIASES
    );
    if (typeof values === "number") return values;
    const settings = parseCheckSettings(
      {
        goproxy: values.proxy,
        gosumdb: values.sumdb,
        warmTimeout: values["warm-timeout"],
        timeout: values.timeout
      },
      FLAG_NAMES
    );
    const repoDir = path8.resolve(io.cwd, values.repo ?? ".");
    const tag = values.tag ?? await tagAtHead(repoDir);
    const request = {
      repoDir,
      tag,
      warm: values["no-warm"] !== true,
      ...settings
    };
    if (values.module !== void 0) request.modulePath = values.module;
    if (values["sumdb-cache"] !== void 0) {
      request.sumdbCache = await checkOutputPath("--sumdb-cache", values["sumdb-cache"], io.cwd, {
        createsFolders: true
      });
    }
    const human = values.json === true ? io.stderr : io.stdout;
    const logger = {
      info: (m) => io.stderr(`${m}
`),
      debug: () => void 0
    };
    const check2 = createReleaseCheck({ ...wiring, logger, env: io.env });
    const report = await check2(request);
    human(renderText(report));
    if (values.json === true) io.stdout(renderJson(report));
    return EXIT_BY_VERDICT[report.verdict];
  };
}
var USAGE2, VERIFY_ALIASES, EXIT_BY_VERDICT, verifyCommand;
var init_verify_command = __esm({
  "src/cli/verify-command.ts"() {
    "use strict";
    init_json();
    init_text2();
    init_wire();
    init_flags();
    init_output_file();
    init_io();
    USAGE2 = `usage: modseal verify [--repo DIR] [--tag TAG] [--module PATH] [--proxy LIST]
                      [--sumdb SPEC] [--no-warm] [--warm-timeout DUR] [--timeout DUR]
                      [--sumdb-cache FILE] [--json]

Checks that the Go module mirror and the checksum database hold exactly the
bytes TAG points at, and that the version is valid for the module path.
TAG defaults to the version tag on HEAD. --module is needed only when the
tagged commit has no go.mod (a +incompatible release). --proxy and --sumdb take
GOPROXY and GOSUMDB values and default to those variables; GOPRIVATE,
GONOPROXY and GONOSUMDB are honoured as the go command does. --timeout bounds
the whole check (default: --warm-timeout plus 5m); running out of time is
inconclusive.

exit status: 0 pass, 1 fail, 2 usage or input error, 3 inconclusive,
130/143 interrupted (temporary files are removed first)
`;
    VERIFY_ALIASES = {
      ref: "tag",
      goproxy: "proxy",
      gosumdb: "sumdb",
      "working-directory": "repo",
      warm: "no-warm",
      "module-path": "module"
    };
    EXIT_BY_VERDICT = {
      pass: EXIT_PASS,
      fail: EXIT_FAIL,
      inconclusive: EXIT_INCONCLUSIVE
    };
    verifyCommand = makeVerifyCommand();
  }
});

// src/report/lint-json.ts
function renderLintJson(report) {
  const doc = {
    schema: report.schema,
    verdict: report.verdict,
    ref: report.ref,
    commit: report.commit,
    modules: report.modules.map((m) => ({
      path: m.path,
      dir: m.dir,
      tagPrefix: m.tagPrefix,
      latest: m.latest,
      next: m.next
    })),
    findings: report.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      module: f.module,
      file: f.file,
      line: f.line,
      column: f.column,
      fix: f.fix
    }))
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
var init_lint_json = __esm({
  "src/report/lint-json.ts"() {
    "use strict";
  }
});

// src/checks/lint/types.ts
var LINT_SEVERITY, LINT_REPORT_SCHEMA;
var init_types3 = __esm({
  "src/checks/lint/types.ts"() {
    "use strict";
    LINT_SEVERITY = {
      "version-invalid": "error",
      "gomod-invalid": "error",
      "module-path-mismatch": "error",
      "old-major-import": "error",
      "version-published": "error",
      "zip-invalid": "error",
      "version-lower": "warning",
      "retract-unknown": "warning",
      "retract-pending": "notice",
      "deprecated-unrecognised": "warning",
      "incompatible-trap": "warning",
      unreachable: "warning"
    };
    LINT_REPORT_SCHEMA = "modseal.lint-report/v1";
  }
});

// src/report/sarif.ts
import { createHash as createHash9 } from "node:crypto";
function friendlyName(code) {
  if (code === "unreachable") return "ServiceUnreachable";
  return code.replace(/(^|-)([a-z])/g, (_, _d, c) => c.toUpperCase());
}
function uriOf(file) {
  return file.split("/").map(encodeURIComponent).join("/");
}
function sentence(s) {
  const t = s.trimEnd();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
function fallbackFile(f, report) {
  const m = report.modules.find((x) => x.path !== "" && x.path === f.module) ?? report.modules.find((x) => x.dir === "") ?? report.modules[0];
  return m === void 0 || m.dir === "" ? "go.mod" : `${m.dir}/go.mod`;
}
function fingerprint(f, file) {
  const key2 = [f.code, f.module ?? "", file, f.message.replace(VERSION, "vX.Y.Z")].join("\0");
  return createHash9("sha256").update(key2).digest("hex");
}
function location(f, report) {
  const file = f.file ?? fallbackFile(f, report);
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(file) },
      region: {
        startLine: f.line ?? 1,
        ...f.column !== void 0 ? { startColumn: f.column } : {}
      }
    }
  };
}
function lintSarif(report, options2) {
  const info = options2.informationUri ?? "https://github.com/modseal/modseal";
  const rules = CODES.map((code) => {
    const r = RULES[code];
    return {
      id: code,
      name: friendlyName(code),
      shortDescription: { text: r.short },
      fullDescription: { text: r.full },
      help: { text: r.help },
      helpUri: `${info}#${code}`,
      defaultConfiguration: { level: LEVEL[LINT_SEVERITY[code]] },
      properties: { tags: ["go-modules", "release"] }
    };
  });
  const results = report.findings.map((f) => {
    const file = f.file ?? fallbackFile(f, report);
    const text = sentence(f.message) + (f.fix !== void 0 ? ` Fix: ${sentence(f.fix)}` : "");
    return {
      ruleId: f.code,
      ruleIndex: CODES.indexOf(f.code),
      level: LEVEL[f.severity],
      message: { text },
      locations: [location(f, report)],
      partialFingerprints: { "modsealFinding/v1": fingerprint(f, file) }
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "modseal",
            version: options2.toolVersion,
            semanticVersion: options2.toolVersion,
            informationUri: info,
            rules
          }
        },
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
}
function renderLintSarif(report, options2) {
  return JSON.stringify(lintSarif(report, options2), null, 2) + "\n";
}
var SARIF_SCHEMA, RULES, CODES, LEVEL, VERSION;
var init_sarif = __esm({
  "src/report/sarif.ts"() {
    "use strict";
    init_types3();
    SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    RULES = {
      "version-invalid": {
        short: "The go command refuses the next version for this module path.",
        full: "The version about to be tagged does not fit the module path in go.mod: from v2 on, the path must end in the major version (/v2), and a path that ends in /vN takes only vN versions. The mirror and every go command refuse such a version.",
        help: "Make go.mod and the tag agree: change the module directive to the /vN path (and the imports of the module\u2019s own packages), or tag a version of the line the path names."
      },
      "gomod-invalid": {
        short: "go.mod does not parse as the go command reads it.",
        full: "The go command stops with this error for everyone who builds the module, at this line of go.mod.",
        help: "Fix the line as the message says; `go mod tidy` rewrites versions it can resolve."
      },
      "module-path-mismatch": {
        short: "The go command would look for this module elsewhere than where it is.",
        full: "The go command finds a module of a repository in the directory its path names after the repository\u2019s path, or for a /vN path also in that directory\u2019s vN/ subdirectory. A go.mod elsewhere, or two go.mod files claiming the same path, cannot be fetched under that path.",
        help: "Change the module directive to the path of the module\u2019s directory, or move the module to where its path says."
      },
      "old-major-import": {
        short: "Code of the module imports a package of its own earlier major version.",
        full: "After a major version bump, an import of the previous major path is another module: builds get a second copy of the package, with its own types and state.",
        help: "Import the same package under the module\u2019s current path (\u2026/vN/\u2026)."
      },
      "version-published": {
        short: "The next version already exists in the mirror or the checksum database.",
        full: "The Go module mirror and checksum database keep the first content of a version forever, even after its tag is deleted. A new tag with the same number gives direct fetches a checksum mismatch (SECURITY ERROR) while the mirror keeps serving the old content.",
        help: "Release another version number, above every version already published."
      },
      "zip-invalid": {
        short: "The module\u2019s tree cannot become a module zip.",
        full: "The go command and the mirror refuse to build the module zip from this tree (file names, case collisions or size limits), so every version tagged from it is unusable.",
        help: "Rename or remove the files the message names, and commit."
      },
      "version-lower": {
        short: "The next version is lower than the latest release of its major line.",
        full: "go get will not pick it by default, and the go command reads retract lines and deprecation comments only from the latest version\u2019s go.mod.",
        help: "Nothing to do for a fix on an older minor line; otherwise release a version above the latest."
      },
      "retract-unknown": {
        short: "A retract directive names versions that were never tagged nor published.",
        full: "A retraction of versions that do not exist retracts nothing; a typo here leaves the version meant in use.",
        help: "Check the version numbers in the retract directive."
      },
      "retract-pending": {
        short: "A retraction takes effect only once a version carrying it is published.",
        full: "The go command reads retract directives from the go.mod of the module\u2019s latest version only, so a retraction starts to apply when a version whose go.mod carries it becomes the latest.",
        help: "Publish the release that carries the retraction, above every version already published."
      },
      "deprecated-unrecognised": {
        short: "A deprecation comment the go command will not show.",
        full: 'The go command shows a module as deprecated only from a comment paragraph starting with "Deprecated:" directly above the module directive (no blank line between) or at the end of its line, with a message after the colon.',
        help: 'Write "// Deprecated: <what to use instead>" directly above the module line.'
      },
      "incompatible-trap": {
        short: "v2+ versions were published as +incompatible, and this go.mod would strand their users.",
        full: "Once a version with a go.mod whose module path has no major suffix is published, the go command stops listing the +incompatible versions: go get \u2026@latest picks the highest v0/v1 version, their users get no upgrades, and a new tag of their major is refused.",
        help: "Continue with a /vN module path above the highest +incompatible major, or release v1 versions and retract the +incompatible ones."
      },
      unreachable: {
        short: "The mirror or the checksum database could not be asked.",
        full: "Whether the next version is already published was not decided: the verdict is inconclusive, never a pass.",
        help: "Re-run the job; if it persists, check the network settings (GOPROXY, GOSUMDB, outbound proxies)."
      }
    };
    CODES = Object.keys(RULES);
    LEVEL = { error: "error", warning: "warning", notice: "note" };
    VERSION = /v[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/g;
  }
});

// src/checks/lint/columns.ts
function units(rune) {
  return rune > 65535 ? 2 : 1;
}
function lineStartOf(text, offset) {
  let start = offset;
  while (start > 0 && text[start - 1] !== 10) start--;
  if (start === 0 && text[0] === 239 && text[1] === 187 && text[2] === 191 && offset >= 3) {
    return 3;
  }
  return start;
}
function columnAtOffset(text, offset) {
  let col = 1;
  let i = lineStartOf(text, offset);
  while (i < offset) {
    const [r, w] = decodeRune(text, i);
    col += units(r);
    i += Math.max(w, 1);
  }
  return col;
}
function offsetOfLine(text, line) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf(10, offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset;
}
function columnOfRune(text, line, runeColumn) {
  let col = 1;
  let i = offsetOfLine(text, line);
  for (let r = 1; r < runeColumn; r++) {
    if (i >= text.length || text[i] === 10) return col + (runeColumn - r);
    const [rune, w] = decodeRune(text, i);
    col += units(rune);
    i += Math.max(w, 1);
  }
  return col;
}
var init_columns = __esm({
  "src/checks/lint/columns.ts"() {
    "use strict";
    init_go_string();
  }
});

// src/checks/lint/findings.ts
function make2(code, message, at, fix) {
  const f = { code, severity: LINT_SEVERITY[code], message };
  if (at.module !== void 0 && at.module !== "") f.module = at.module;
  if (at.file !== void 0) f.file = at.file;
  if (at.line !== void 0) f.line = at.line;
  if (at.column !== void 0) f.column = at.column;
  if (fix !== void 0) f.fix = fix;
  return f;
}
function impliedNote(next) {
  return next.implied ? ` (${next.version} ${IMPLIED}.)` : "";
}
function gomodInvalid(text, at) {
  return make2(
    "gomod-invalid",
    text,
    at,
    "The go command stops here for everyone who builds this module. Fix the line as the message says (`go mod tidy` rewrites versions it can resolve), and commit go.mod."
  );
}
function versionInvalid2(text, at, fix) {
  return make2("version-invalid", text, at, fix);
}
function inDir(dir) {
  return dir === "" ? "the repository root" : `${dir}/`;
}
function modulePathMismatch2(m, at) {
  switch (m.kind) {
    case "elsewhere":
      return make2(
        "module-path-mismatch",
        `go.mod in ${inDir(m.dir)} declares module ${m.path}, but the go command looks for ${m.path} in ${m.looks.map(inDir).join(" or ")} of the repository (whose module path is ${m.root}), not in ${inDir(m.dir)}: nobody can fetch it under this path`,
        at,
        `Change the module directive to "module ${m.want}" (the path of ${inDir(m.dir)}), and the imports of its packages to match; or move the module to where its path says.`
      );
    case "tail":
      return make2(
        "module-path-mismatch",
        `go.mod in ${inDir(m.dir)} declares module ${m.path}, which does not end in ${m.want}: the go command looks for a module of a repository in the directory its path names after the repository's path, so it will not find this one`,
        at,
        `Change the module directive to the repository's module path followed by /${m.want}.`
      );
    case "duplicate":
      return make2(
        "module-path-mismatch",
        `${m.file} and ${m.other} both declare module ${m.path}: the go command refuses every version of it ("\u2026 both have \u2026/${m.major} module paths")`,
        at,
        `Keep one of the two: a /${m.major} module lives either in the directory of the earlier majors (a major branch) or in its ${m.major}/ subdirectory, not in both.`
      );
  }
}
function oldMajorImport(a, at) {
  return make2(
    "old-major-import",
    `imports ${a.importPath}, a package of ${a.oldModule}: an earlier major version of this module (${a.module}), so builds get a second copy of the package, with its own types and state`,
    at,
    `Import "${a.replacement}" instead (the same package in this major version).`
  );
}
function versionPublished(a, at) {
  return make2(
    "version-published",
    `${a.module}@${a.version} is already published (${a.where.join(", ")}): it was released before, perhaps from a tag since deleted, and its first content is kept forever.${a.implied}`,
    at,
    `Release another version (${a.free} is free). A new tag ${a.tag} would give everybody who fetches it directly "verifying module: checksum mismatch \u2026 SECURITY ERROR", while the mirror keeps serving the old content.`
  );
}
function versionLower(a, at) {
  return make2(
    "version-lower",
    `${a.version} is lower than ${a.latest}, the latest release of the ${a.line} line of ${a.module}: go get will not pick it by default, and the go command reads retract lines and the deprecation comment only from the latest version's go.mod`,
    at,
    `If this is a fix for an older minor version, nothing to do. Otherwise release a version above ${a.latest} (${a.above}).`
  );
}
function retractUnknown(a, at) {
  const where2 = a.asked ? "never tagged in this repository nor published" : "never tagged in this repository (the mirror was not asked)";
  return make2(
    "retract-unknown",
    `retract ${a.range} names no version of ${a.module} that exists: ${where2}`,
    at,
    "Check the version numbers: a typo here retracts nothing, and the version meant stays the one go get picks."
  );
}
function retractPending(a, at) {
  const who = a.next !== void 0 ? `publishing ${a.next} does that, if it is the highest version of ${a.module}` : `the next release of ${a.module} does that, if it is the highest version`;
  return make2(
    "retract-pending",
    `retract ${a.range} takes effect only once a version whose go.mod carries it is published and is the latest: ${who}`,
    at,
    "Retracted versions stay downloadable; once in effect, go get stops choosing them and warns the users who require them."
  );
}
function deprecatedUnrecognised(a, at) {
  const d = DEPRECATION[a.kind];
  return make2(
    "deprecated-unrecognised",
    `the comment "${a.text}" ${d.why}: go get and go list -u will not show the module as deprecated`,
    at,
    d.fix
  );
}
function incompatibleTrap(a, at) {
  const list = a.versions.length <= 3 ? a.versions.join(", ") : `${a.versions.slice(0, 2).join(", ")}, \u2026 ${a.versions.at(-1) ?? ""} (${a.versions.length} versions)`;
  return make2(
    "incompatible-trap",
    `${list} of ${a.module} ${a.versions.length === 1 ? "was" : "were"} published without go.mod, as +incompatible versions. With this go.mod (module ${a.module}, no major suffix), once a version carrying it is published the go command stops listing them: go get ${a.module}@latest picks the highest v0/v1 version instead, the users of ${a.highest} get no upgrade, and a new tag of that major is refused (the module path must end in its /vN)`,
    at,
    `Decide where users land. To continue after ${a.highest}, declare "module ${a.successor}" and release it from there (users change their imports). To make new users land on a v1 line, release v1 versions with this go.mod and add "${a.retract}" to it, so go get warns those who still require them.`
  );
}
function zipInvalid2(text, at) {
  return make2(
    "zip-invalid",
    text,
    at,
    "Rename or remove the files named, and commit: the go command and the mirror would refuse every version tagged from this tree with the same error."
  );
}
var IMPLIED, DEPRECATION;
var init_findings2 = __esm({
  "src/checks/lint/findings.ts"() {
    "use strict";
    init_types3();
    IMPLIED = "was not given with --next: it is the version implied by the latest tag; name the tag your release will create with --next";
    DEPRECATION = {
      detached: {
        why: "is not attached to the module directive (a blank line or another directive separates them), so the go command does not read it",
        fix: "Put it on the lines directly above the module line, with no blank line between, or at the end of the module line."
      },
      spelling: {
        why: 'does not start with "Deprecated:" as the go command requires (that case, then a colon)',
        fix: 'Write it as "// Deprecated: " followed by what to use instead, directly above the module line.'
      },
      "mid-paragraph": {
        why: 'is in the middle of a comment paragraph: the go command reads a deprecation only from a paragraph that starts with "Deprecated:"',
        fix: 'Separate it from the comment lines above with an empty "//" line.'
      },
      empty: {
        why: 'has no message after "Deprecated:", and the go command treats an empty message as "not deprecated"',
        fix: "Say after the colon, on the same line, what to use instead."
      }
    };
  }
});

// src/checks/lint/gomod.ts
function tryParse(f) {
  try {
    return f();
  } catch (e) {
    if (e instanceof ModfileError) return e;
    throw e;
  }
}
function whereIs(view, at) {
  return { file: view.file, line: at.line, column: columnOfRune(view.data, at.line, at.column) };
}
function readGoMod(file, data) {
  const base = { file, data };
  const strict = tryParse(() => parse2("go.mod", data, { fix: fixVersion }));
  const findings = [];
  let parsed;
  if (strict instanceof ModfileError) {
    const lax = tryParse(() => parseLax("go.mod", data));
    if (!(lax instanceof ModfileError)) parsed = lax;
  } else {
    parsed = strict;
  }
  const modulePath2 = parsed?.module?.path ?? modulePath(data);
  const module = modulePath2 === "" ? {} : { module: modulePath2 };
  if (strict instanceof ModfileError) {
    for (const p of strict.errors) {
      const at = p.line > 0 ? whereIs(base, p) : { file };
      findings.push(gomodInvalid(p.message, { ...at, ...module }));
    }
  } else if (strict.module === void 0) {
    findings.push(
      gomodInvalid(
        "missing module declaration. To specify the module path:\n	go mod edit -module=example.com/mod",
        { file, line: 1 }
      )
    );
  }
  const moduleAt = parsed?.module !== void 0 ? whereIs(base, parsed.module) : { file, line: 1 };
  const view = { file, data, valid: findings.length === 0, modulePath: modulePath2, moduleAt };
  if (parsed !== void 0) view.parsed = parsed;
  return { view, findings };
}
var fixVersion;
var init_gomod = __esm({
  "src/checks/lint/gomod.ts"() {
    "use strict";
    init_modfile();
    init_module();
    init_go_quote();
    init_columns();
    init_findings2();
    fixVersion = (path17, vers) => {
      const { pathMajor, ok } = splitPathVersion(path17);
      if (!ok) {
        throw new ModuleError(
          path17,
          "",
          new InvalidVersionError(vers, new Error(`malformed module path ${goQuote(path17)}`))
        );
      }
      if (vers !== "" && canonicalVersion(vers) === vers) {
        const err = checkPathMajor(vers, pathMajor);
        if (err !== void 0) throw versionError(path17, vers, err);
        return vers;
      }
      throw new ModuleError(
        path17,
        "",
        new InvalidVersionError(vers, new Error("must be of the form v1.2.3"))
      );
    };
  }
});

// src/imports/header.ts
function isIdent(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c >= 48 && c <= 57 || c === 95 || c >= 128;
}
function hasBom(src) {
  return src.length >= 3 && src[0] === 239 && src[1] === 187 && src[2] === 191;
}
function readHeader(src) {
  const start = hasBom(src) ? 3 : 0;
  const r = new HeaderReader(src, start);
  r.readKeyword("package");
  r.readIdent();
  while (r.peekByte(true) === 105) {
    r.readKeyword("import");
    if (r.peekByte(true) === 40) {
      r.nextByte(false);
      while (r.peekByte(true) !== 41 && r.err === void 0) r.readImport();
      r.nextByte(false);
    } else {
      r.readImport();
    }
  }
  if (r.err === "nul") return { start, end: r.pos, nul: r.nul };
  if (r.err === void 0 && !r.eof) return { start, end: r.pos - 1 };
  return { start, end: src.length };
}
var HeaderReader;
var init_header = __esm({
  "src/imports/header.ts"() {
    "use strict";
    HeaderReader = class {
      constructor(src, start) {
        this.src = src;
        this.pos = start;
      }
      src;
      pos;
      peekByte0 = 0;
      err;
      eof = false;
      nul;
      syntaxError() {
        this.err ??= "syntax";
      }
      readByte() {
        if (this.pos >= this.src.length) {
          this.eof = true;
          return 0;
        }
        const c = this.src[this.pos++];
        if (c === 0 && this.err === void 0) {
          this.err = "nul";
          this.nul = this.pos - 1;
        }
        return c;
      }
      peekByte(skipSpace) {
        if (this.err !== void 0) return 0;
        let c = this.peekByte0;
        if (c === 0) c = this.readByte();
        while (this.err === void 0 && !this.eof) {
          if (skipSpace) {
            if (c === 32 || c === 12 || c === 9 || c === 13 || c === 10 || c === 59) {
              c = this.readByte();
              continue;
            }
            if (c === 47) {
              c = this.readByte();
              if (c === 47) {
                while (c !== 10 && this.err === void 0 && !this.eof) c = this.readByte();
              } else if (c === 42) {
                let c1 = 0;
                while ((c !== 42 || c1 !== 47) && this.err === void 0) {
                  if (this.eof) this.syntaxError();
                  c = c1;
                  c1 = this.readByte();
                }
              } else {
                this.syntaxError();
              }
              c = this.readByte();
              continue;
            }
          }
          break;
        }
        this.peekByte0 = c;
        return c;
      }
      nextByte(skipSpace) {
        const c = this.peekByte(skipSpace);
        this.peekByte0 = 0;
        return c;
      }
      dropPeek() {
        this.peekByte0 = 0;
      }
      readKeyword(kw) {
        this.peekByte(true);
        for (let i = 0; i < kw.length; i++) {
          if (this.nextByte(false) !== kw.charCodeAt(i)) {
            this.syntaxError();
            return;
          }
        }
        if (isIdent(this.peekByte(false))) this.syntaxError();
      }
      readIdent() {
        if (!isIdent(this.peekByte(true))) {
          this.syntaxError();
          return;
        }
        while (isIdent(this.peekByte(false))) this.dropPeek();
      }
      readString() {
        switch (this.nextByte(true)) {
          case 96:
            while (this.err === void 0) {
              if (this.nextByte(false) === 96) break;
              if (this.eof) this.syntaxError();
            }
            break;
          case 34:
            while (this.err === void 0) {
              const c = this.nextByte(false);
              if (c === 34) break;
              if (this.eof || c === 10) this.syntaxError();
              if (c === 92) this.nextByte(false);
            }
            break;
          default:
            this.syntaxError();
        }
      }
      readImport() {
        const c = this.peekByte(true);
        if (c === 46) this.dropPeek();
        else if (isIdent(c)) this.readIdent();
        this.readString();
      }
    };
  }
});

// src/imports/scanner.ts
function isLiteral(tok) {
  return LITERAL_KINDS.has(tok);
}
function lower(ch) {
  return 32 | ch;
}
function isDecimal(ch) {
  return ch >= 48 && ch <= 57;
}
function isHex(ch) {
  return isDecimal(ch) || lower(ch) >= 97 && lower(ch) <= 102;
}
function isLetter(ch) {
  if (lower(ch) >= 97 && lower(ch) <= 122 || ch === 95) return true;
  return ch >= 128 && ch !== RUNE_ERROR && letterRe.test(String.fromCodePoint(ch));
}
function isDigit2(ch) {
  return isDecimal(ch) || ch >= 128 && ch !== RUNE_ERROR && digitRe.test(String.fromCodePoint(ch));
}
function digitVal(ch) {
  if (isDecimal(ch)) return ch - 48;
  if (lower(ch) >= 97 && lower(ch) <= 102) return lower(ch) - 97 + 10;
  return 16;
}
function formatSharpU(ch) {
  const hex2 = `U+${ch.toString(16).toUpperCase().padStart(4, "0")}`;
  return isGoPrint(ch) ? `${hex2} '${String.fromCodePoint(ch)}'` : hex2;
}
function litName(prefix) {
  switch (prefix) {
    case 120:
      return "hexadecimal literal";
    case 111:
    case 48:
      return "octal literal";
    case 98:
      return "binary literal";
    default:
      return "decimal literal";
  }
}
function invalidSep(x) {
  let x1 = 32;
  let d = 46;
  let i = 0;
  if (x.length >= 2 && x[0] === 48) {
    x1 = lower(x[1]);
    if (x1 === 120 || x1 === 111 || x1 === 98) {
      d = 48;
      i = 2;
    }
  }
  for (; i < x.length; i++) {
    const p = d;
    d = x[i];
    if (d === 95) {
      if (p !== 48) return i;
    } else if (isDecimal(d) || x1 === 120 && isHex(d)) {
      d = 48;
    } else {
      if (p === 95) return i - 1;
      d = 46;
    }
  }
  return d === 95 ? x.length - 1 : -1;
}
function stripCR(b, comment) {
  const c = [];
  for (let j = 0; j < b.length; j++) {
    const ch = b[j];
    if (ch !== CR || comment && c.length > 2 && c[c.length - 1] === 42 && j + 1 < b.length && b[j + 1] === 47) {
      c.push(ch);
    }
  }
  return Uint8Array.from(c);
}
function parseLineNumber(s) {
  if (s.length === 0) return void 0;
  let n = 0n;
  for (const c of s) {
    if (!isDecimal(c)) return void 0;
    n = n * 10n + BigInt(c - 48);
    if (n > 0xffffffffffffffffn) return void 0;
  }
  return BigInt.asIntN(64, n);
}
function trailingDigits(text) {
  const i = text.lastIndexOf(58);
  if (i < 0) return [0, 0n, false];
  const n = parseLineNumber(text.subarray(i + 1));
  return [i + 1, n ?? 0n, n !== void 0];
}
var LITERAL_KINDS, KEYWORDS2, EOF, BOM, LF, CR, letterRe, digitRe, MAX_LINE_COL, LINE_PREFIX, Scanner;
var init_scanner = __esm({
  "src/imports/scanner.ts"() {
    "use strict";
    init_go_string();
    init_go_quote();
    LITERAL_KINDS = /* @__PURE__ */ new Set(["IDENT", "INT", "FLOAT", "IMAG", "CHAR", "STRING"]);
    KEYWORDS2 = /* @__PURE__ */ new Set([
      "break",
      "case",
      "chan",
      "const",
      "continue",
      "default",
      "defer",
      "else",
      "fallthrough",
      "for",
      "func",
      "go",
      "goto",
      "if",
      "import",
      "interface",
      "map",
      "package",
      "range",
      "return",
      "select",
      "struct",
      "switch",
      "type",
      "var"
    ]);
    EOF = -1;
    BOM = 65279;
    LF = 10;
    CR = 13;
    letterRe = new RegExp("^\\p{L}$", "u");
    digitRe = new RegExp("^\\p{Nd}$", "u");
    MAX_LINE_COL = BigInt(1 << 30);
    LINE_PREFIX = Buffer.from("line ");
    Scanner = class {
      constructor(src, onError) {
        this.src = src;
        this.onError = onError;
        this.next();
        if (this.ch === BOM) this.next();
      }
      src;
      onError;
      ch = 32;
      offset = 0;
      rdOffset = 0;
      lineOffset = 0;
      insertSemi = false;
      nlPos = -1;
      error(offs, msg) {
        this.onError(offs, msg);
      }
      next() {
        const src = this.src;
        if (this.rdOffset < src.length) {
          this.offset = this.rdOffset;
          if (this.ch === LF) this.lineOffset = this.offset;
          let r = src[this.rdOffset];
          let w = 1;
          if (r === 0) {
            this.error(this.offset, "illegal character NUL");
          } else if (r >= 128) {
            [r, w] = decodeRune(src, this.rdOffset);
            if (r === RUNE_ERROR && w === 1) {
              const b0 = src[this.rdOffset];
              const b1 = src[this.rdOffset + 1];
              if (this.offset === 0 && src.length - this.rdOffset >= 2 && (b0 === 255 && b1 === 254 || b0 === 254 && b1 === 255)) {
                this.error(this.offset, "illegal UTF-8 encoding (got UTF-16)");
                this.rdOffset = src.length;
              } else {
                this.error(this.offset, "illegal UTF-8 encoding");
              }
            } else if (r === BOM && this.offset > 0) {
              this.error(this.offset, "illegal byte order mark");
            }
          }
          this.rdOffset += w;
          this.ch = r;
        } else {
          this.offset = src.length;
          if (this.ch === LF) this.lineOffset = this.offset;
          this.ch = EOF;
        }
      }
      // The current character, read past TypeScript's narrowing (next() changes it).
      current() {
        return this.ch;
      }
      peek() {
        return this.rdOffset < this.src.length ? this.src[this.rdOffset] : 0;
      }
      text(from, to) {
        return decodeGoString(this.src.subarray(from, to));
      }
      scanComment() {
        const offs = this.offset - 1;
        let next = -1;
        let numCR = 0;
        let nlOffset = 0;
        if (this.ch === 47) {
          this.next();
          for (let ch = this.ch; ch !== LF && ch >= 0; ch = this.ch) {
            if (ch === CR) numCR++;
            this.next();
          }
          next = this.offset;
          if (this.current() === LF) next++;
        } else {
          this.next();
          let closed = false;
          while (this.ch >= 0) {
            const ch = this.ch;
            if (ch === CR) numCR++;
            else if (ch === LF && nlOffset === 0) nlOffset = this.offset;
            this.next();
            if (ch === 42 && this.ch === 47) {
              this.next();
              next = this.offset;
              closed = true;
              break;
            }
          }
          if (!closed) this.error(offs, "comment not terminated");
        }
        let lit = this.src.subarray(offs, this.offset);
        if (numCR > 0 && lit.length >= 2 && lit[1] === 47 && lit[lit.length - 1] === CR) {
          lit = lit.subarray(0, lit.length - 1);
        }
        if (next >= 0 && (lit[1] === 42 || offs === this.lineOffset) && Buffer.from(lit.subarray(2, 2 + LINE_PREFIX.length)).equals(LINE_PREFIX)) {
          this.checkLineDirective(offs, lit);
        }
        return nlOffset;
      }
      // go/scanner's updateLineInfo, for its errors only: a directive that
      // parses is not applied (positions stay physical).
      checkLineDirective(offs, lit) {
        let text = lit[1] === 42 ? lit.subarray(0, lit.length - 2) : lit;
        text = text.subarray(7);
        offs += 7;
        const [i, n, ok] = trailingDigits(text);
        if (i === 0) return;
        if (!ok) {
          this.error(offs + i, "invalid line number: " + decodeGoString(text.subarray(i)));
          return;
        }
        let line = n;
        let lineAt = i;
        const [i2, n2, ok2] = trailingDigits(text.subarray(0, i - 1));
        if (ok2) {
          if (n === 0n || n > MAX_LINE_COL) {
            this.error(offs + i, "invalid column number: " + decodeGoString(text.subarray(i)));
            return;
          }
          line = n2;
          lineAt = i2;
          text = text.subarray(0, i - 1);
        }
        if (line === 0n || line > MAX_LINE_COL) {
          this.error(offs + lineAt, "invalid line number: " + decodeGoString(text.subarray(lineAt)));
        }
      }
      scanIdentifier() {
        const offs = this.offset;
        while (isLetter(this.ch) || isDigit2(this.ch)) this.next();
        return this.text(offs, this.offset);
      }
      digits(base, invalid2) {
        let digsep = 0;
        if (base <= 10) {
          const max2 = 48 + base;
          while (isDecimal(this.ch) || this.ch === 95) {
            let ds = 1;
            if (this.ch === 95) ds = 2;
            else if (this.ch >= max2 && invalid2 !== void 0 && invalid2.at < 0)
              invalid2.at = this.offset;
            digsep |= ds;
            this.next();
          }
        } else {
          while (isHex(this.ch) || this.ch === 95) {
            digsep |= this.ch === 95 ? 2 : 1;
            this.next();
          }
        }
        return digsep;
      }
      scanNumber() {
        const offs = this.offset;
        let tok = "ILLEGAL";
        let base = 10;
        let prefix = 0;
        let digsep = 0;
        const invalid2 = { at: -1 };
        if (this.ch !== 46) {
          tok = "INT";
          if (this.ch === 48) {
            this.next();
            switch (lower(this.ch)) {
              case 120:
                this.next();
                base = 16;
                prefix = 120;
                break;
              case 111:
                this.next();
                base = 8;
                prefix = 111;
                break;
              case 98:
                this.next();
                base = 2;
                prefix = 98;
                break;
              default:
                base = 8;
                prefix = 48;
                digsep = 1;
            }
          }
          digsep |= this.digits(base, invalid2);
        }
        if (this.ch === 46) {
          tok = "FLOAT";
          if (prefix === 111 || prefix === 98) {
            this.error(this.offset, "invalid radix point in " + litName(prefix));
          }
          this.next();
          digsep |= this.digits(base, invalid2);
        }
        if ((digsep & 1) === 0) this.error(this.offset, litName(prefix) + " has no digits");
        const e = lower(this.ch);
        if (e === 101 || e === 112) {
          if (e === 101 && prefix !== 0 && prefix !== 48) {
            this.error(this.offset, `${goQuoteRune(this.ch)} exponent requires decimal mantissa`);
          } else if (e === 112 && prefix !== 120) {
            this.error(this.offset, `${goQuoteRune(this.ch)} exponent requires hexadecimal mantissa`);
          }
          this.next();
          tok = "FLOAT";
          if (this.ch === 43 || this.ch === 45) this.next();
          const ds = this.digits(10, void 0);
          digsep |= ds;
          if ((ds & 1) === 0) this.error(this.offset, "exponent has no digits");
        } else if (prefix === 120 && tok === "FLOAT") {
          this.error(this.offset, "hexadecimal mantissa requires a 'p' exponent");
        }
        if (this.ch === 105) {
          tok = "IMAG";
          this.next();
        }
        const lit = this.src.subarray(offs, this.offset);
        if (tok === "INT" && invalid2.at >= 0) {
          this.error(
            invalid2.at,
            `invalid digit ${goQuoteRune(lit[invalid2.at - offs])} in ${litName(prefix)}`
          );
        }
        if ((digsep & 2) !== 0) {
          const i = invalidSep(lit);
          if (i >= 0) this.error(offs + i, "'_' must separate successive digits");
        }
        return [tok, decodeGoString(lit)];
      }
      scanEscape(quote) {
        const offs = this.offset;
        let n;
        let base;
        let max2;
        switch (this.ch) {
          case 97:
          case 98:
          case 102:
          case 110:
          case 114:
          case 116:
          case 118:
          case 92:
          case quote:
            this.next();
            return true;
          case 48:
          case 49:
          case 50:
          case 51:
          case 52:
          case 53:
          case 54:
          case 55:
            n = 3;
            base = 8;
            max2 = 255;
            break;
          case 120:
            this.next();
            n = 2;
            base = 16;
            max2 = 255;
            break;
          case 117:
            this.next();
            n = 4;
            base = 16;
            max2 = 1114111;
            break;
          case 85:
            this.next();
            n = 8;
            base = 16;
            max2 = 1114111;
            break;
          default:
            this.error(
              offs,
              this.ch < 0 ? "escape sequence not terminated" : "unknown escape sequence"
            );
            return false;
        }
        let x = 0;
        for (; n > 0; n--) {
          const d = digitVal(this.ch);
          if (d >= base) {
            this.error(
              this.offset,
              this.ch < 0 ? "escape sequence not terminated" : `illegal character ${formatSharpU(this.ch)} in escape sequence`
            );
            return false;
          }
          x = x * base + d;
          this.next();
        }
        if (x > max2 || x >= 55296 && x < 57344) {
          this.error(offs, "escape sequence is invalid Unicode code point");
          return false;
        }
        return true;
      }
      scanRune() {
        const offs = this.offset - 1;
        let valid = true;
        let n = 0;
        for (; ; ) {
          const ch = this.ch;
          if (ch === LF || ch < 0) {
            if (valid) {
              this.error(offs, "rune literal not terminated");
              valid = false;
            }
            break;
          }
          this.next();
          if (ch === 39) break;
          n++;
          if (ch === 92 && !this.scanEscape(39)) valid = false;
        }
        if (valid && n !== 1) this.error(offs, "illegal rune literal");
        return this.text(offs, this.offset);
      }
      scanString() {
        const offs = this.offset - 1;
        for (; ; ) {
          const ch = this.ch;
          if (ch === LF || ch < 0) {
            this.error(offs, "string literal not terminated");
            break;
          }
          this.next();
          if (ch === 34) break;
          if (ch === 92) this.scanEscape(34);
        }
        return this.text(offs, this.offset);
      }
      scanRawString() {
        const offs = this.offset - 1;
        let hasCR = false;
        for (; ; ) {
          const ch = this.ch;
          if (ch < 0) {
            this.error(offs, "raw string literal not terminated");
            break;
          }
          this.next();
          if (ch === 96) break;
          if (ch === CR) hasCR = true;
        }
        let lit = this.src.subarray(offs, this.offset);
        if (hasCR) lit = stripCR(lit, false);
        return decodeGoString(lit);
      }
      skipWhitespace() {
        while (this.ch === 32 || this.ch === 9 || this.ch === LF && !this.insertSemi || this.ch === CR) {
          this.next();
        }
      }
      switch2(tok0, tok1) {
        if (this.ch === 61) {
          this.next();
          return tok1;
        }
        return tok0;
      }
      switch3(tok0, tok1, ch2, tok2) {
        if (this.ch === 61) {
          this.next();
          return tok1;
        }
        if (this.ch === ch2) {
          this.next();
          return tok2;
        }
        return tok0;
      }
      switch4(tok0, tok1, ch2, tok2, tok3) {
        if (this.ch === 61) {
          this.next();
          return tok1;
        }
        if (this.ch === ch2) {
          this.next();
          if (this.ch === 61) {
            this.next();
            return tok3;
          }
          return tok2;
        }
        return tok0;
      }
      /** The next token, as go/scanner's Scan returns it (comments included). */
      scan() {
        for (; ; ) {
          if (this.nlPos >= 0) {
            const pos2 = this.nlPos;
            this.nlPos = -1;
            return { pos: pos2, tok: ";", lit: "\n", end: pos2 + 1 };
          }
          this.skipWhitespace();
          const pos = this.offset;
          let insertSemi = false;
          let tok;
          let lit = "";
          const ch = this.ch;
          if (isLetter(ch)) {
            lit = this.scanIdentifier();
            if (lit.length > 1 && KEYWORDS2.has(lit)) {
              tok = lit;
              insertSemi = lit === "break" || lit === "continue" || lit === "fallthrough" || lit === "return";
            } else {
              tok = "IDENT";
              insertSemi = true;
            }
          } else if (isDecimal(ch) || ch === 46 && isDecimal(this.peek())) {
            insertSemi = true;
            [tok, lit] = this.scanNumber();
          } else {
            this.next();
            switch (ch) {
              case EOF:
                if (this.insertSemi) {
                  this.insertSemi = false;
                  return { pos, tok: ";", lit: "\n", end: pos };
                }
                tok = "EOF";
                break;
              case LF:
                this.insertSemi = false;
                return { pos, tok: ";", lit: "\n", end: pos + 1 };
              case 34:
                insertSemi = true;
                tok = "STRING";
                lit = this.scanString();
                break;
              case 39:
                insertSemi = true;
                tok = "CHAR";
                lit = this.scanRune();
                break;
              case 96:
                insertSemi = true;
                tok = "STRING";
                lit = this.scanRawString();
                break;
              case 58:
                tok = this.switch2(":", ":=");
                break;
              case 46:
                tok = ".";
                if (this.ch === 46 && this.peek() === 46) {
                  this.next();
                  this.next();
                  tok = "...";
                }
                break;
              case 44:
                tok = ",";
                break;
              case 59:
                tok = ";";
                lit = ";";
                break;
              case 40:
                tok = "(";
                break;
              case 41:
                insertSemi = true;
                tok = ")";
                break;
              case 91:
                tok = "[";
                break;
              case 93:
                insertSemi = true;
                tok = "]";
                break;
              case 123:
                tok = "{";
                break;
              case 125:
                insertSemi = true;
                tok = "}";
                break;
              case 43:
                tok = this.switch3("+", "+=", 43, "++");
                insertSemi = tok === "++";
                break;
              case 45:
                tok = this.switch3("-", "-=", 45, "--");
                insertSemi = tok === "--";
                break;
              case 42:
                tok = this.switch2("*", "*=");
                break;
              case 47:
                if (this.ch === 47 || this.ch === 42) {
                  const commentStart = pos;
                  const nlOffset = this.scanComment();
                  if (this.insertSemi && nlOffset !== 0) {
                    this.nlPos = nlOffset;
                    this.insertSemi = false;
                  } else {
                    insertSemi = this.insertSemi;
                  }
                  this.insertSemi = insertSemi;
                  return {
                    pos: commentStart,
                    tok: "COMMENT",
                    lit: this.text(commentStart, this.offset),
                    end: this.offset
                  };
                }
                tok = this.switch2("/", "/=");
                break;
              case 37:
                tok = this.switch2("%", "%=");
                break;
              case 94:
                tok = this.switch2("^", "^=");
                break;
              case 60:
                if (this.ch === 45) {
                  this.next();
                  tok = "<-";
                } else {
                  tok = this.switch4("<", "<=", 60, "<<", "<<=");
                }
                break;
              case 62:
                tok = this.switch4(">", ">=", 62, ">>", ">>=");
                break;
              case 61:
                tok = this.switch2("=", "==");
                break;
              case 33:
                tok = this.switch2("!", "!=");
                break;
              case 38:
                if (this.ch === 94) {
                  this.next();
                  tok = this.switch2("&^", "&^=");
                } else {
                  tok = this.switch3("&", "&=", 38, "&&");
                }
                break;
              case 124:
                tok = this.switch3("|", "|=", 124, "||");
                break;
              case 126:
                tok = "~";
                break;
              default:
                if (ch !== BOM) {
                  if (ch === 8220 || ch === 8221) {
                    this.error(pos, `curly quotation mark ${goQuoteRune(ch)} (use neutral '"')`);
                  } else {
                    this.error(pos, `illegal character ${formatSharpU(ch)}`);
                  }
                }
                insertSemi = this.insertSemi;
                tok = "ILLEGAL";
                lit = String.fromCodePoint(ch);
            }
          }
          this.insertSemi = insertSemi;
          return { pos, tok, lit, end: this.offset };
        }
      }
    };
  }
});

// src/imports/read.ts
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i + 1 < text.length; i++) if (text[i] === 10) starts.push(i + 1);
  return starts;
}
function isValidImportPath(path17) {
  for (const { rune } of goRunes(path17)) {
    if (rune === RUNE_ERROR || ILLEGAL_IMPORT_CHARS.has(rune) || isSpace(rune) || !graphicRe2.test(String.fromCodePoint(rune))) {
      return false;
    }
  }
  return path17 !== "";
}
function firstError(errors) {
  let best;
  for (const e of errors) {
    if (best === void 0 || e.pos.line < best.pos.line || e.pos.line === best.pos.line && (e.pos.column < best.pos.column || e.pos.column === best.pos.column && compareGoStrings(e.msg, best.msg) < 0)) {
      best = e;
    }
  }
  return best;
}
function readImports(src) {
  const header = readHeader(src);
  const text = src.subarray(header.start, header.end);
  const positions = new Positions(text, header.start);
  if (header.nul !== void 0) {
    return {
      imports: [],
      error: { message: "unexpected NUL in input", ...positions.at(header.nul - header.start) }
    };
  }
  const parser = new ImportsParser(text, positions);
  try {
    parser.parseFile();
  } catch (e) {
    if (!(e instanceof Bailout)) throw e;
  }
  const pkg = parser.packageName === void 0 ? {} : { packageName: parser.packageName };
  const first = firstError(parser.errors);
  if (first !== void 0) {
    return { ...pkg, imports: [], error: { message: first.msg, ...first.pos } };
  }
  const imports = [];
  for (const spec of parser.specs) {
    const path17 = goUnquote(spec.lit);
    const at = positions.at(spec.pos);
    const name = spec.name === void 0 ? void 0 : { name: spec.name.name, ...positions.at(spec.name.pos) };
    if (path17 === void 0 || !isValidImportPath(path17)) {
      const where2 = name ?? at;
      const message = path17 === void 0 ? `parser returned invalid quoted string: <${spec.lit}>` : "invalid import path: " + path17;
      return { ...pkg, imports: [], error: { message, ...where2 } };
    }
    const endAt = positions.at(spec.end);
    imports.push({
      path: path17,
      line: at.line,
      column: at.column,
      endColumn: endAt.line === at.line ? endAt.column : at.column + (spec.end - spec.pos),
      offset: at.offset,
      endOffset: endAt.offset,
      literal: spec.lit,
      ...name === void 0 ? {} : { name }
    });
  }
  return { ...pkg, imports };
}
var Positions, Bailout, ImportsParser, STMT_START, EXPR_END, ILLEGAL_IMPORT_CHARS, graphicRe2;
var init_read2 = __esm({
  "src/imports/read.ts"() {
    "use strict";
    init_go_string();
    init_text();
    init_header();
    init_scanner();
    Positions = class {
      constructor(text, base) {
        this.base = base;
        this.starts = lineStarts(text);
      }
      base;
      starts;
      /** The position of header offset `offs`. */
      at(offs) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
          const mid = lo + hi + 1 >> 1;
          if (this.starts[mid] <= offs) lo = mid;
          else hi = mid - 1;
        }
        return { line: lo + 1, column: offs - this.starts[lo] + 1, offset: this.base + offs };
      }
    };
    Bailout = class extends Error {
    };
    ImportsParser = class {
      constructor(text, positions) {
        this.positions = positions;
        this.scanner = new Scanner(
          text,
          (offs, msg) => this.errors.push({ offs, pos: positions.at(offs), msg })
        );
        this.next();
      }
      positions;
      scanner;
      errors = [];
      tok = "ILLEGAL";
      pos = 0;
      lit = "";
      end = 0;
      syncPos = -1;
      syncCnt = 0;
      packageName;
      specs = [];
      // The current token, read past TypeScript's narrowing (next() changes it).
      at(tok) {
        return this.tok === tok;
      }
      next() {
        do {
          ({ pos: this.pos, tok: this.tok, lit: this.lit, end: this.end } = this.scanner.scan());
        } while (this.tok === "COMMENT");
      }
      error(offs, msg) {
        const pos = this.positions.at(offs);
        const n = this.errors.length;
        if (n > 0 && this.errors[n - 1].pos.line === pos.line) return;
        if (n > 10) throw new Bailout();
        this.errors.push({ offs, pos, msg });
      }
      errorExpected(offs, what) {
        let msg = "expected " + what;
        if (offs === this.pos) {
          if (this.tok === ";" && this.lit === "\n") msg += ", found newline";
          else if (isLiteral(this.tok)) msg += ", found " + this.lit;
          else msg += ", found '" + this.tok + "'";
        }
        this.error(offs, msg);
      }
      expect(tok) {
        const pos = this.pos;
        if (this.tok !== tok) this.errorExpected(pos, `'${tok}'`);
        this.next();
        return pos;
      }
      advance(to) {
        for (; this.tok !== "EOF"; this.next()) {
          if (to.has(this.tok)) {
            if (this.pos === this.syncPos && this.syncCnt < 10) {
              this.syncCnt++;
              return;
            }
            if (this.pos > this.syncPos) {
              this.syncPos = this.pos;
              this.syncCnt = 0;
              return;
            }
          }
        }
      }
      expectSemi() {
        switch (this.tok) {
          case ")":
          case "}":
            return;
          case ",":
            this.errorExpected(this.pos, "';'");
            this.next();
            return;
          case ";":
            this.next();
            return;
          default:
            this.errorExpected(this.pos, "';'");
            this.advance(STMT_START);
        }
      }
      parseIdent() {
        if (this.tok === "IDENT") {
          const name = this.lit;
          this.next();
          return name;
        }
        this.expect("IDENT");
        return "_";
      }
      parseImportSpec() {
        let name;
        if (this.tok === "IDENT") {
          const pos2 = this.pos;
          name = { name: this.parseIdent(), pos: pos2 };
        } else if (this.tok === ".") {
          name = { name: ".", pos: this.pos };
          this.next();
        }
        const pos = this.pos;
        let end = this.pos;
        let lit = "";
        if (this.tok === "STRING") {
          lit = this.lit;
          end = this.end;
          this.next();
        } else if (isLiteral(this.tok)) {
          this.error(pos, "import path must be a string");
          this.next();
        } else {
          this.error(pos, "missing import path");
          this.advance(EXPR_END);
        }
        this.expectSemi();
        this.specs.push({ ...name === void 0 ? {} : { name }, pos, end, lit });
      }
      parseImportDecl() {
        this.expect("import");
        if (this.tok === "(") {
          this.next();
          while (!this.at(")") && !this.at("EOF")) this.parseImportSpec();
          this.expect(")");
          this.expectSemi();
        } else {
          this.parseImportSpec();
        }
      }
      parseFile() {
        if (this.errors.length !== 0) return;
        this.expect("package");
        const name = this.parseIdent();
        this.expectSemi();
        if (this.errors.length !== 0) return;
        this.packageName = name;
        while (this.tok === "import") this.parseImportDecl();
      }
    };
    STMT_START = /* @__PURE__ */ new Set([
      "break",
      "const",
      "continue",
      "defer",
      "fallthrough",
      "for",
      "go",
      "goto",
      "if",
      "return",
      "select",
      "switch",
      "type",
      "var"
    ]);
    EXPR_END = /* @__PURE__ */ new Set([",", ":", ";", ")", "]", "}"]);
    ILLEGAL_IMPORT_CHARS = new Set(
      Array.from("!\"#$%&'()*,:;<=>?[\\]^{|}`\uFFFD", (c) => c.codePointAt(0))
    );
    graphicRe2 = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u;
  }
});

// src/imports/files.ts
function baseName(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}
function dirName(p) {
  const i = p.lastIndexOf("/");
  return i < 0 ? "" : p.slice(0, i);
}
function normalizePath(p) {
  let s = p;
  if (!s.startsWith("/")) s = "/" + s;
  if (!s.endsWith("/")) s += "/";
  return s;
}
function isIgnoredDir(dir, ignore) {
  if (dir === "" || ignore.length === 0) return false;
  const d = normalizePath(dir);
  for (const pattern of ignore) {
    const relative = pattern.startsWith("./");
    const p = normalizePath(relative ? pattern.slice(2) : pattern);
    if (relative ? d.startsWith(p) : d.includes(p)) return true;
  }
  return false;
}
function skippedElem(elem) {
  return elem.startsWith(".") || elem.startsWith("_") || elem === "testdata";
}
function moduleGoFiles(paths2, options2 = {}) {
  const all = [...paths2];
  const nestedModules = /* @__PURE__ */ new Set();
  for (const p of all) {
    const dir = dirName(p);
    if (dir !== "" && baseName(p) === "go.mod") nestedModules.add(dir);
  }
  const ignore = options2.ignore ?? [];
  const verdict = /* @__PURE__ */ new Map();
  const wanted = (dir) => {
    if (dir === "") return true;
    const known = verdict.get(dir);
    if (known !== void 0) return known;
    const parent = dirName(dir);
    const elem = baseName(dir);
    const ok = wanted(parent) && // Below a vendor directory the walk does not go.
    !(parent !== "" && baseName(parent) === "vendor") && !skippedElem(elem) && !isIgnoredDir(dir, ignore) && !nestedModules.has(dir);
    verdict.set(dir, ok);
    return ok;
  };
  return all.filter((p) => {
    const name = baseName(p);
    if (!name.endsWith(".go") || name.startsWith(".") || name.startsWith("_")) return false;
    return wanted(dirName(p));
  });
}
var init_files = __esm({
  "src/imports/files.ts"() {
    "use strict";
  }
});

// src/imports/old-major.ts
function compareMajor(a, b) {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function within(path17, mod) {
  return path17 === mod || path17.startsWith(mod + "/");
}
function oldMajorModule(importPath, modulePath2) {
  const { prefix, pathMajor, ok } = splitPathVersion(modulePath2);
  if (!ok || pathMajor === "") return void 0;
  if (pathMajor.startsWith(".")) {
    const n2 = pathMajor.slice(2).replace(/-unstable$/, "");
    if (!importPath.startsWith(prefix + ".v")) return void 0;
    const slash = importPath.indexOf("/", prefix.length);
    const mod = slash < 0 ? importPath : importPath.slice(0, slash);
    const s = splitPathVersion(mod);
    if (!s.ok || s.prefix !== prefix || s.pathMajor === "") return void 0;
    const k = s.pathMajor.slice(2).replace(/-unstable$/, "");
    return compareMajor(k, n2) < 0 ? mod : void 0;
  }
  const n = pathMajor.slice(2);
  if (!within(importPath, prefix)) return void 0;
  const rest = importPath.slice(prefix.length + 1);
  const elem = rest.split("/", 1)[0] ?? "";
  if (elem !== "") {
    const s = splitPathVersion(`${prefix}/${elem}`);
    if (s.ok && s.pathMajor !== "") {
      const k = s.pathMajor.slice(2);
      return compareMajor(k, n) < 0 ? `${prefix}/${elem}` : void 0;
    }
  }
  return prefix;
}
function oldMajorImports(files2, modulePath2, options2 = {}) {
  const others = options2.otherModules ?? [];
  const out = [];
  for (const f of files2) {
    if (f.packageName === "documentation") continue;
    for (const imp of f.imports) {
      const oldModule = oldMajorModule(imp.path, modulePath2);
      if (oldModule === void 0) continue;
      const owner = others.find(
        (o) => o !== oldModule && o.length > oldModule.length && within(imp.path, o)
      );
      if (owner !== void 0) continue;
      out.push({
        file: f.file,
        import: imp,
        oldModule,
        replacement: modulePath2 + imp.path.slice(oldModule.length)
      });
    }
  }
  return out;
}
var init_old_major = __esm({
  "src/imports/old-major.ts"() {
    "use strict";
    init_module();
  }
});

// src/imports/index.ts
var init_imports = __esm({
  "src/imports/index.ts"() {
    "use strict";
    init_read2();
    init_header();
    init_files();
    init_old_major();
  }
});

// src/checks/lint/deprecation.ts
function commentText(c) {
  return goTrimSpace(c.token.slice(2));
}
function isCandidate(c) {
  return c.token.startsWith("//") && /^deprecated/i.test(commentText(c));
}
function candidateComments(stmts, file) {
  const out = [];
  const take = (c) => {
    for (const x of [...c.before, ...c.suffix, ...c.after]) if (isCandidate(x)) out.push(x);
  };
  take(file);
  for (const s of stmts) {
    if (s.kind === "comments") take(s.comments);
    else if (!OTHER_DIRECTIVES.has(s.token[0] ?? "")) {
      take(s.comments);
      if (s.kind === "block") {
        take(s.lparen.comments);
        for (const l of s.line) take(l.comments);
        take(s.rparen.comments);
      }
    }
  }
  return out;
}
function moduleGroup(stmts) {
  let block;
  let line;
  for (const s of stmts) {
    if (s.kind === "line" && s.token[0] === "module") {
      line = s;
      break;
    }
    if (s.kind === "block" && s.token[0] === "module" && s.line[0] !== void 0) {
      block = s;
      line = s.line[0];
      break;
    }
  }
  if (line === void 0) return [];
  let c = line.comments;
  if (block !== void 0 && c.before.length === 0 && c.suffix.length === 0) c = block.comments;
  return [...c.before, ...c.suffix].filter((x) => x.token.startsWith("//"));
}
function unrecognisedDeprecations(syntax, data) {
  const group = moduleGroup(syntax.stmt);
  const lines = group.map(commentText);
  const m = DEPRECATED_RE.exec(lines.join("\n"));
  let matchLine = -1;
  if (m !== null) {
    const start = m.index + (m[0].startsWith("\n\n") ? 2 : 0);
    matchLine = lines.join("\n").slice(0, start).split("\n").length - 1;
  }
  const shown = m !== null && m[1] !== "";
  if (shown) return [];
  const out = [];
  for (const c of candidateComments(syntax.stmt, syntax.comments)) {
    const at = group.indexOf(c);
    const text = commentText(c);
    let kind;
    if (at < 0) kind = "detached";
    else if (!text.startsWith("Deprecated:")) kind = "spelling";
    else if (at === matchLine) kind = "empty";
    else if (matchLine >= 0 && at > matchLine)
      continue;
    else kind = "mid-paragraph";
    out.push({ kind, text, line: c.start.line, column: columnAtOffset(data, c.start.byte) });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
var OTHER_DIRECTIVES, DEPRECATED_RE;
var init_deprecation = __esm({
  "src/checks/lint/deprecation.ts"() {
    "use strict";
    init_text();
    init_columns();
    OTHER_DIRECTIVES = /* @__PURE__ */ new Set([
      "require",
      "replace",
      "exclude",
      "retract",
      "tool",
      "ignore",
      "godebug"
    ]);
    DEPRECATED_RE = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;
  }
});

// src/checks/lint/tree.ts
function isMajorElem(elem) {
  return /^v[1-9][0-9]*$/.test(elem) && elem !== "v1";
}
function tagPrefixOf(dir) {
  if (dir === "") return "";
  const slash = dir.lastIndexOf("/");
  const last = dir.slice(slash + 1);
  if (isMajorElem(last)) return slash < 0 ? "" : dir.slice(0, slash + 1);
  return dir + "/";
}
function modulesOfTree(paths2) {
  const out = [];
  for (const p of paths2) {
    const elems = p.split("/");
    if (elems[elems.length - 1] !== "go.mod") continue;
    const dirs = elems.slice(0, -1);
    if (dirs.some((e) => e === "vendor" || e === "testdata")) continue;
    const dir = dirs.join("/");
    out.push({ dir, goModFile: p, tagPrefix: tagPrefixOf(dir) });
  }
  return out.sort((a, b) => a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0);
}
function versionsOfPrefix(tags, prefix) {
  const out = [];
  for (const t of tags) {
    const name = t.startsWith("refs/tags/") ? t.slice("refs/tags/".length) : t;
    if (!name.startsWith(prefix)) continue;
    const v = name.slice(prefix.length);
    if (v.startsWith("v") && !v.includes("/")) out.push(v);
  }
  return out;
}
function isVersionTag(v) {
  return isValid(v) && canonical(v) === v && !isPseudoVersion(v);
}
function parseNextTag(value) {
  const tag = value.startsWith("refs/tags/") ? value.slice("refs/tags/".length) : value;
  const slash = tag.lastIndexOf("/");
  const prefix = tag.slice(0, slash + 1);
  const version = tag.slice(slash + 1);
  if (!isValid(version) || prefix.startsWith("/") || prefix.includes("//")) {
    return {
      error: `--next ${JSON.stringify(value)} is not a module version tag: Go's version tags look like v1.2.3, or sub/dir/v1.2.3 for the module in sub/dir`
    };
  }
  return { tag, prefix, version };
}
function pathMajorOf(modulePath2) {
  const s = splitPathVersion(modulePath2);
  if (!s.ok || s.pathMajor === "") return "";
  try {
    return pathMajorPrefix(s.pathMajor);
  } catch {
    return "";
  }
}
function assignNextTags(modules, tags) {
  const byDir = /* @__PURE__ */ new Map();
  const errors = [];
  for (const t of tags) {
    const same2 = modules.filter((m2) => m2.tagPrefix === t.prefix);
    const m = same2.length <= 1 ? same2[0] : same2.find((c) => {
      const pm = pathMajorOf(c.modulePath);
      return pm !== "" && pm === major(t.version);
    }) ?? same2.find((c) => c.dir === t.prefix.replace(/\/$/, ""));
    if (m === void 0) {
      const where2 = t.prefix === "" ? "the repository root" : t.prefix;
      errors.push(
        `--next ${t.tag}: no module has its tags at ${where2} (no go.mod in ${where2 === "the repository root" ? "it" : t.prefix} or a major subdirectory of it)`
      );
      continue;
    }
    const taken = byDir.get(m.dir);
    if (taken !== void 0) {
      errors.push(
        `--next ${taken.tag} and --next ${t.tag} name the same module (in ${m.dir === "" ? "the repository root" : m.dir + "/"}): give one`
      );
      continue;
    }
    byDir.set(m.dir, t);
  }
  return { byDir, errors };
}
function nextMinor(v) {
  const [maj, min] = v.slice(1).split(/[.-]/);
  return `v${maj}.${(BigInt(min ?? "0") + 1n).toString()}.0`;
}
function lineTags(modulePath2, versions, options2 = {}) {
  const pm = pathMajorOf(modulePath2);
  const others = new Set(options2.otherMajors ?? []);
  return versions.filter((v) => {
    if (!isVersionTag(v)) return false;
    const m = major(v);
    if (pm !== "") return m === pm;
    if (m === "v0" || m === "v1") return true;
    if (others.has(m)) return false;
    const at = options2.pathAtTag?.(v);
    return at === void 0 || at === null || pathMajorOf(at) === "";
  });
}
function tagsToInspect(modulePath2, versions) {
  if (pathMajorOf(modulePath2) !== "") return [];
  return versions.filter((v) => isVersionTag(v) && major(v) !== "v0" && major(v) !== "v1");
}
function nextVersionFor(module, versions, given, options2 = {}) {
  if (given !== void 0) return { version: given.version, tag: given.tag, implied: false };
  const highest = latestOfLine(module.modulePath, versions, options2);
  let version;
  if (highest !== void 0) {
    const pre = prerelease(highest);
    version = pre !== "" ? highest.slice(0, highest.length - pre.length) : nextMinor(highest);
  } else {
    const pm = pathMajorOf(module.modulePath);
    if (pm !== "" && pm !== "v0" && pm !== "v1") version = `${pm}.0.0`;
  }
  if (version === void 0) return void 0;
  return { version, tag: module.tagPrefix + version, implied: true };
}
function latestOfLine(modulePath2, versions, options2 = {}) {
  let best;
  for (const v of lineTags(modulePath2, versions, options2)) {
    if (best === void 0 || compare(v, best) > 0) best = v;
  }
  return best;
}
var init_tree = __esm({
  "src/checks/lint/tree.ts"() {
    "use strict";
    init_module();
    init_semver2();
  }
});

// src/checks/lint/rules.ts
function atModule(view) {
  return { ...view.moduleAt, module: view.modulePath };
}
function stripIncompatible2(v) {
  return build(v) === "+incompatible" ? v.slice(0, -"+incompatible".length) : v;
}
function publishedVersions(p) {
  return [...p?.mirror?.versions ?? [], ...p?.sumdb?.versions ?? []];
}
function versionInvalidFinding(view, next) {
  const path17 = view.modulePath;
  if (path17 === "") return void 0;
  const v = next.version;
  const at = atModule(view);
  const prefix = next.tag.slice(0, next.tag.length - v.length);
  if (!isVersionTag(v)) {
    const pseudo = isPseudoVersion(v);
    const text = pseudo ? `tag ${next.tag}: version ${JSON.stringify(v)} has the form of a pseudo-version; the go command ignores such tags` : `tag ${next.tag}: version ${JSON.stringify(v)} is not canonical (should be ${JSON.stringify(canonical(v))}); the go command ignores such tags`;
    const fix = pseudo ? "Tag a plain version (vX.Y.Z, or vX.Y.Z-pre for a prerelease)." : `Tag ${prefix}${canonical(v)} instead.`;
    return versionInvalid2(text, at, fix);
  }
  const perr = checkPath(path17);
  if (perr !== void 0) {
    return versionInvalid2(
      `${path17}@${v}: ${perr.message}`,
      at,
      "Nobody can fetch a module under a malformed path: fix the module directive (a module path starts with a domain name and has no spaces or special characters)."
    );
  }
  const { prefix: pathPrefix, pathMajor } = splitPathVersion(path17);
  if (matchPathMajor(v, pathMajor)) return void 0;
  const m = major(v);
  const implied = impliedNote(next);
  if (pathMajor !== "") {
    const own = pathMajorPrefix(pathMajor);
    return versionInvalid2(
      `${path17}@${v}: invalid version: module path includes a major version suffix, so major version must match`,
      at,
      `The module path ends in ${pathMajor}, so its versions are ${own}.x.y: tag ${prefix}${own}.\u2026 instead, or, for ${m}, change the module path to match.${implied}`
    );
  }
  return versionInvalid2(
    `${path17}@${v}: invalid version: module contains a go.mod file, so module path must match major version (${goQuote(`${pathPrefix}/${m}`)})`,
    at,
    `From ${m} on, the module path must end in /${m}: change the module directive to "module ${pathPrefix}/${m}" and every import of the module's own packages to ${pathPrefix}/${m}/\u2026 (https://go.dev/ref/mod#major-version-suffixes), or release a v0/v1 version instead.${implied}`
  );
}
function inspectable(path17) {
  return path17 !== "" && checkPath(path17) === void 0;
}
function repositoryPath(modules, given) {
  if (given !== void 0 && given !== "") return given.replace(/\/+$/, "");
  const root = modules.find((m) => m.dir === "")?.view.modulePath ?? "";
  if (!inspectable(root)) return void 0;
  return isGopkgIn(root) ? root : splitPathVersion(root).prefix;
}
function isMajorElem2(elem) {
  return /^v[1-9][0-9]*$/.test(elem) && elem !== "v1";
}
function lastElem(dir) {
  return dir.slice(dir.lastIndexOf("/") + 1);
}
function joinDir(a, b) {
  return a === "" ? b : b === "" ? a : `${a}/${b}`;
}
function lookupDirs(path17, root) {
  if (path17 === root) return [""];
  if (!path17.startsWith(root + "/")) return void 0;
  const { prefix, pathMajor } = splitPathVersion(path17);
  const codeDir = prefix === root ? "" : prefix.slice(root.length + 1);
  if (prefix !== root && !prefix.startsWith(root + "/")) return void 0;
  const dirs = [codeDir];
  if (pathMajor.startsWith("/")) dirs.push(joinDir(codeDir, pathMajor.slice(1)));
  return dirs;
}
function modulePathMismatchFindings(modules, repoRoot) {
  const root = repositoryPath(modules, repoRoot);
  const findings = [];
  const misplaced = /* @__PURE__ */ new Set();
  for (const m of modules) {
    const path17 = m.view.modulePath;
    if (!inspectable(path17)) continue;
    const { prefix, pathMajor } = splitPathVersion(path17);
    const dir = m.dir;
    const looks = root === void 0 ? void 0 : lookupDirs(path17, root);
    if (looks !== void 0 && root !== void 0) {
      if (looks.includes(dir)) continue;
      const want2 = isMajorElem2(lastElem(dir)) ? joinDir(root, dir) : joinDir(root, dir) + (pathMajor.startsWith("/") ? pathMajor : "");
      misplaced.add(dir);
      findings.push(
        modulePathMismatch2({ kind: "elsewhere", path: path17, dir, looks, root, want: want2 }, atModule(m.view))
      );
      continue;
    }
    if (dir === "") continue;
    const codeDirs = [dir];
    if (pathMajor.startsWith("/") && lastElem(dir) === pathMajor.slice(1)) {
      codeDirs.push(dir.slice(0, Math.max(0, dir.length - pathMajor.length)));
    }
    if (codeDirs.some((cd) => cd === "" || prefix.endsWith("/" + cd))) continue;
    const want = isMajorElem2(lastElem(dir)) ? dir : dir + (pathMajor.startsWith("/") ? pathMajor : "");
    misplaced.add(dir);
    findings.push(modulePathMismatch2({ kind: "tail", path: path17, dir, want }, atModule(m.view)));
  }
  for (const m of modules) {
    const path17 = m.view.modulePath;
    if (!inspectable(path17) || misplaced.has(m.dir)) continue;
    const { pathMajor } = splitPathVersion(path17);
    if (!pathMajor.startsWith("/")) continue;
    const elem = pathMajor.slice(1);
    const twinDir = lastElem(m.dir) === elem ? null : joinDir(m.dir, elem);
    const baseDir = lastElem(m.dir) === elem ? m.dir.slice(0, Math.max(0, m.dir.length - elem.length - 1)) : null;
    const twin = modules.find(
      (o) => o !== m && o.view.modulePath === path17 && (o.dir === twinDir || o.dir === baseDir)
    );
    if (twin === void 0) continue;
    misplaced.add(m.dir);
    findings.push(
      modulePathMismatch2(
        { kind: "duplicate", path: path17, file: m.view.file, other: twin.view.file, major: elem },
        atModule(m.view)
      )
    );
  }
  return { findings, misplaced };
}
function needsImportScan(modulePath2) {
  const { pathMajor, ok } = splitPathVersion(modulePath2);
  return ok && pathMajor !== "" && pathMajor !== ".v0";
}
function moduleSourceFiles(paths2, dir, ignore = []) {
  const base = dir === "" ? "" : dir + "/";
  const rel = [];
  for (const p of paths2) if (p.startsWith(base)) rel.push(p.slice(base.length));
  return moduleGoFiles(rel, { ignore }).filter((p) => !p.split("/").includes("vendor")).map((p) => base + p);
}
function oldMajorImportFindings(view, files2, otherModules = []) {
  const modulePath2 = view.modulePath;
  if (!needsImportScan(modulePath2)) return [];
  const content = new Map(files2.map((f) => [f.path, f.content]));
  const read = files2.map((f) => {
    const r = readImports(f.content);
    return {
      file: f.path,
      imports: r.imports,
      ...r.packageName !== void 0 ? { packageName: r.packageName } : {}
    };
  });
  return oldMajorImports(read, modulePath2, { otherModules }).map(
    (o) => oldMajorImport(
      {
        importPath: o.import.path,
        oldModule: o.oldModule,
        module: modulePath2,
        replacement: o.replacement
      },
      {
        module: modulePath2,
        file: o.file,
        line: o.import.line,
        column: columnAtOffset(content.get(o.file) ?? new Uint8Array(), o.import.offset)
      }
    )
  );
}
function versionPublishedFinding(view, next, published, versions = []) {
  const v = next.version;
  if (view.modulePath === "" || !isVersionTag(v)) return void 0;
  const where2 = [];
  if (published?.mirror?.versions.includes(v)) where2.push(`${published.mirror.name} holds it`);
  if (published?.sumdb?.versions.includes(v)) where2.push(`${published.sumdb.name} records it`);
  if (where2.length === 0) return void 0;
  const free = nextVersion(v, [...versions, ...publishedVersions(published)]);
  return versionPublished(
    {
      module: view.modulePath,
      version: v,
      tag: next.tag,
      where: where2,
      free,
      implied: impliedNote(next)
    },
    atModule(view)
  );
}
function versionLowerFinding(view, next, versions, published, options2 = {}) {
  const v = next.version;
  if (next.implied || view.modulePath === "" || !isVersionTag(v)) return void 0;
  const known = [...lineTags(view.modulePath, versions, options2), ...publishedVersions(published)].map(stripIncompatible2).filter((k) => isVersionTag(k) && major(k) === major(v) && prerelease(k) === "");
  let latest;
  for (const k of known) if (latest === void 0 || compare(k, latest) > 0) latest = k;
  if (latest === void 0 || compare(v, latest) >= 0) return void 0;
  return versionLower(
    {
      module: view.modulePath,
      version: v,
      latest,
      line: major(v),
      above: nextVersion(latest, known)
    },
    atModule(view)
  );
}
function rangeText(r) {
  return r.low === r.high ? r.low : `[${r.low}, ${r.high}]`;
}
function retractFindings(view, facts) {
  const file = view.parsed;
  if (file === void 0 || view.modulePath === "") return [];
  const known = [
    ...facts.versions,
    ...publishedVersions(facts.published),
    ...facts.next !== void 0 ? [facts.next.version] : []
  ].map(stripIncompatible2).filter(isVersionTag);
  const out = [];
  for (const r of file.retract) {
    const low = stripIncompatible2(r.low);
    const high = stripIncompatible2(r.high);
    if (!isVersionTag(low) || !isVersionTag(high)) continue;
    const at = { ...whereIs(view, r), module: view.modulePath };
    const range2 = rangeText(r);
    if (!known.some((k) => compare(low, k) <= 0 && compare(k, high) <= 0)) {
      out.push(
        retractUnknown(
          { module: view.modulePath, range: range2, asked: facts.published?.mirror !== void 0 },
          at
        )
      );
      continue;
    }
    if (facts.inEffect?.some((e) => e.low === r.low && e.high === r.high)) continue;
    out.push(
      retractPending(
        {
          module: view.modulePath,
          range: range2,
          ...facts.next !== void 0 && isVersionTag(facts.next.version) ? { next: facts.next.version } : {}
        },
        at
      )
    );
  }
  return out;
}
function deprecatedUnrecognisedFindings(view) {
  const file = view.parsed;
  if (file === void 0) return [];
  return unrecognisedDeprecations(file.syntax, view.data).map(
    (d) => deprecatedUnrecognised(
      { kind: d.kind, text: d.text },
      { module: view.modulePath, file: view.file, line: d.line, column: d.column }
    )
  );
}
function incompatibleTrapFinding(view, dir, facts) {
  const path17 = view.modulePath;
  if (dir !== "" || !inspectable(path17) || isGopkgIn(path17)) return void 0;
  if (splitPathVersion(path17).pathMajor !== "") return void 0;
  const found = /* @__PURE__ */ new Set();
  for (const v of publishedVersions(facts.published)) {
    if (build(v) === "+incompatible" && isVersionTag(stripIncompatible2(v))) found.add(v);
  }
  for (const v of facts.versions) {
    if (isVersionTag(v) && !["v0", "v1"].includes(major(v)) && facts.pathAtTag?.(v) === null) {
      found.add(v + "+incompatible");
    }
  }
  if (found.size === 0) return void 0;
  const sorted = [...found].sort((a, b) => compare(stripIncompatible2(a), stripIncompatible2(b)));
  const highest = sorted.at(-1) ?? "";
  const successorMajor = BigInt(major(highest).slice(1)) + 1n;
  return incompatibleTrap(
    {
      module: path17,
      versions: sorted,
      highest,
      successor: `${path17}/v${successorMajor.toString()}`,
      retract: `retract [${sorted[0] ?? ""}, ${highest}] // moved to the v1 line with go.mod`
    },
    atModule(view)
  );
}
function zipInvalidFinding(view, text) {
  return zipInvalid2(text, { module: view.modulePath, file: view.file });
}
var init_rules2 = __esm({
  "src/checks/lint/rules.ts"() {
    "use strict";
    init_go_quote();
    init_module();
    init_module();
    init_imports();
    init_semver2();
    init_version2();
    init_columns();
    init_deprecation();
    init_findings2();
    init_gomod();
    init_tree();
  }
});

// src/checks/lint/module.ts
function moduleFindings(f) {
  const out = [];
  const add = (x) => {
    if (x !== void 0) out.push(x);
  };
  if (f.next !== void 0) {
    const invalid2 = f.misplaced === true ? void 0 : versionInvalidFinding(f.view, f.next);
    add(invalid2);
    if (invalid2 === void 0) {
      add(versionPublishedFinding(f.view, f.next, f.published, f.versions));
      add(versionLowerFinding(f.view, f.next, f.versions, f.published, f.line));
    }
  }
  out.push(...oldMajorImportFindings(f.view, f.goFiles ?? [], f.otherModules ?? []));
  out.push(
    ...retractFindings(f.view, {
      versions: f.versions,
      ...f.next !== void 0 ? { next: f.next } : {},
      ...f.published !== void 0 ? { published: f.published } : {},
      ...f.inEffect !== void 0 ? { inEffect: f.inEffect } : {}
    })
  );
  out.push(...deprecatedUnrecognisedFindings(f.view));
  add(
    incompatibleTrapFinding(f.view, f.dir, {
      versions: f.versions,
      ...f.published !== void 0 ? { published: f.published } : {},
      ...f.line?.pathAtTag !== void 0 ? { pathAtTag: f.line.pathAtTag } : {}
    })
  );
  return out;
}
function askableVersion(f) {
  if (f.next === void 0 || f.misplaced === true || f.view.modulePath === "") return void 0;
  return versionInvalidFinding(f.view, f.next) === void 0 ? f.next.version : void 0;
}
function otherMajorsOf(module, modules) {
  const out = [];
  for (const o of modules) {
    if (o.dir === module.dir || o.tagPrefix !== module.tagPrefix) continue;
    const { pathMajor, ok } = splitPathVersion(o.modulePath);
    if (ok && pathMajor.startsWith("/")) out.push(pathMajor.slice(1));
  }
  return out;
}
function lintVerdict(findings, unchecked2) {
  if (findings.some((f) => f.severity === "error")) return "fail";
  return unchecked2 ? "inconclusive" : "pass";
}
var init_module2 = __esm({
  "src/checks/lint/module.ts"() {
    "use strict";
    init_rules2();
    init_module();
  }
});

// src/checks/lint/run-lint.ts
function reader(files2) {
  const cache = /* @__PURE__ */ new Map();
  return (p) => {
    let r = cache.get(p);
    if (r === void 0) {
      const f = files2.get(p);
      r = f === void 0 ? Promise.resolve(Buffer.alloc(0)) : f.read();
      cache.set(p, r);
    }
    return r;
  };
}
async function readMany(paths2, read) {
  const out = [];
  for (let i = 0; i < paths2.length; i += 16) {
    const batch = paths2.slice(i, i + 16);
    const contents = await Promise.all(batch.map(read));
    batch.forEach((path17, j) => out.push({ path: path17, content: contents[j] ?? Buffer.alloc(0) }));
  }
  return out;
}
function nextTags(values, modules) {
  const parsed = values.map(parseNextTag);
  const errors = parsed.flatMap((p) => "error" in p ? [p.error] : []);
  const assigned = assignNextTags(
    modules,
    parsed.filter((p) => !("error" in p))
  );
  errors.push(...assigned.errors);
  if (errors.length > 0) throw new InputError(errors.join("; "));
  return assigned.byDir;
}
function unreachable3(modulePath2, file, reason2) {
  return {
    code: "unreachable",
    severity: LINT_SEVERITY.unreachable,
    message: `Could not ask whether ${modulePath2} already has this version: ${reason2}. The lint is inconclusive until it can.`,
    module: modulePath2,
    file,
    fix: "Re-run the job; if it persists, check the network settings (GOPROXY, GOSUMDB, outbound proxies), or run with --offline to skip the question."
  };
}
async function retractionsInEffect(mirror, modulePath2, listed, logger) {
  try {
    const synthesized = `module ${modulePath2}
`;
    const latest = await latestIgnoringRetractions(listed, async (v) => {
      const m = await mirror.mod(modulePath2, v);
      return m.kind === "ok" && m.data.toString("utf8") !== synthesized;
    });
    if (latest === void 0) return void 0;
    const mod = await mirror.mod(modulePath2, latest);
    if (mod.kind !== "ok") return void 0;
    return parseLax(`${modulePath2}@${latest}/go.mod`, mod.data).retract.map((r) => ({
      low: r.low,
      high: r.high
    }));
  } catch (e) {
    logger.debug(`${modulePath2}: retractions in effect unknown: ${String(e)}`);
    return void 0;
  }
}
async function publishedFacts(ports, modulePath2, version, retracts) {
  const side = await ports.mirrorFor(modulePath2);
  if (side.kind === "off") {
    ports.logger.info(`${modulePath2}: mirror skipped by configuration: ${side.reason}`);
    return {};
  }
  const mirror = side.port;
  const held = await mirror.cachedList?.(modulePath2);
  const listed = held === void 0 || held.kind === "unsupported" ? await mirror.list(modulePath2) : held;
  if (listed.kind === "unreachable") return { unreachable: `${mirror.url}: ${listed.reason}` };
  const versions = listed.kind === "ok" ? [...listed.versions] : [];
  const cached = await mirror.cached(modulePath2, version);
  if (cached.kind === "unreachable") return { unreachable: `${mirror.url}: ${cached.reason}` };
  if (cached.kind === "found" && !versions.includes(cached.version)) versions.push(cached.version);
  const facts = { mirror: { name: mirror.url, versions } };
  const inEffect = retracts && listed.kind === "ok" ? await retractionsInEffect(mirror, modulePath2, listed.versions, ports.logger) : void 0;
  const more = inEffect !== void 0 ? { inEffect } : {};
  const known = versions.find((v) => v === version || v === `${version}+incompatible`);
  if (known === void 0) return { facts, ...more };
  const db = await ports.sumdbFor(modulePath2);
  if (db.kind === "off") {
    ports.logger.info(`${modulePath2}: checksum database skipped by configuration: ${db.reason}`);
    return { facts, ...more };
  }
  const answer2 = await db.port.lookup(modulePath2, known);
  if (answer2.kind === "unreachable" || answer2.kind === "unverifiable") {
    return { facts, ...more, unreachable: `${db.port.name}: ${answer2.reason}` };
  }
  facts.sumdb = { name: db.port.name, versions: answer2.kind === "found" ? [version] : [] };
  return { facts, ...more };
}
async function runLint(input, ports) {
  const { local, logger } = ports;
  const rev = input.commit ?? input.ref;
  const files2 = new Map((await local.files(rev, "")).map((f) => [f.path, f]));
  const read = reader(files2);
  const findings = [];
  const modules = [];
  for (const m of modulesOfTree(files2.keys())) {
    const { view, findings: gomod } = readGoMod(m.goModFile, await read(m.goModFile));
    findings.push(...gomod);
    modules.push({ ...m, view, modulePath: view.modulePath });
  }
  const next = nextTags(input.next, modules);
  const placed = modulePathMismatchFindings(modules, input.repoRoot);
  findings.push(...placed.findings);
  const tags = await local.versionTags();
  const tagNames = tags.map((t) => t.name);
  const commitOf = new Map(tags.map((t) => [t.name, t.commit]));
  if (input.offline) logger.info("offline: the mirror and the checksum database were not asked");
  let unchecked2 = false;
  const summaries = [];
  for (const m of modules) {
    const versions = versionsOfPrefix(tagNames, m.tagPrefix);
    const atTag = /* @__PURE__ */ new Map();
    for (const v of tagsToInspect(m.modulePath, versions)) {
      const commit = commitOf.get(m.tagPrefix + v);
      const mod = commit === void 0 ? void 0 : await local.goMod(commit, m.dir);
      atTag.set(v, mod === void 0 ? null : modulePath(mod));
    }
    const line = { otherMajors: otherMajorsOf(m, modules), pathAtTag: (v) => atTag.get(v) };
    const nextVersion2 = nextVersionFor(m, versions, next.get(m.dir), line);
    const misplaced = placed.misplaced.has(m.dir);
    const askable = askableVersion({
      view: m.view,
      misplaced,
      ...nextVersion2 !== void 0 ? { next: nextVersion2 } : {}
    });
    let published;
    let inEffect;
    const late = [];
    if (askable !== void 0 && !input.offline) {
      const retracts = (m.view.parsed?.retract.length ?? 0) > 0;
      const asked = await publishedFacts(ports, m.modulePath, askable, retracts);
      published = asked.facts;
      inEffect = asked.inEffect;
      if (asked.unreachable !== void 0) {
        unchecked2 = true;
        late.push(unreachable3(m.modulePath, m.view.file, asked.unreachable));
      }
    }
    const goPaths = needsImportScan(m.modulePath) ? moduleSourceFiles(
      files2.keys(),
      m.dir,
      (m.view.parsed?.ignore ?? []).map((i) => i.path)
    ) : [];
    findings.push(
      ...moduleFindings({
        dir: m.dir,
        view: m.view,
        versions,
        line,
        ...nextVersion2 !== void 0 ? { next: nextVersion2 } : {},
        ...published !== void 0 ? { published } : {},
        ...inEffect !== void 0 ? { inEffect } : {},
        goFiles: await readMany(goPaths, read),
        otherModules: modules.filter((o) => o !== m).map((o) => o.modulePath),
        misplaced
      })
    );
    const zip = await ports.zipError(rev, m.dir);
    if (zip !== void 0) findings.push(zipInvalidFinding(m.view, zip));
    findings.push(...late);
    const latest = latestOfLine(m.modulePath, versions, line);
    summaries.push({
      path: m.modulePath,
      dir: m.dir,
      tagPrefix: m.tagPrefix,
      ...latest !== void 0 ? { latest } : {},
      ...nextVersion2 !== void 0 ? { next: nextVersion2.version } : {}
    });
  }
  return {
    schema: LINT_REPORT_SCHEMA,
    verdict: lintVerdict(findings, unchecked2),
    ref: input.ref,
    ...input.commit !== void 0 ? { commit: input.commit } : {},
    modules: summaries,
    findings
  };
}
var init_run_lint = __esm({
  "src/checks/lint/run-lint.ts"() {
    "use strict";
    init_errors();
    init_modfile();
    init_retractions();
    init_gomod();
    init_module2();
    init_rules2();
    init_tree();
    init_types3();
  }
});

// src/wire/lint.ts
async function sizedTree(git, dir, commit) {
  const r = await git.run(["ls-tree", "-r", "-z", "-l", "--full-tree", commit], { cwd: dir });
  if (r.code !== 0) {
    throw new RepositoryError(`git ls-tree: ${oneLine(r.stderr.toString("utf8"))}`);
  }
  const out = [];
  let start = 0;
  while (start < r.stdout.length) {
    let end = r.stdout.indexOf(0, start);
    if (end < 0) end = r.stdout.length;
    const rec = r.stdout.subarray(start, end);
    start = end + 1;
    const tab = rec.indexOf(9);
    const [mode = "", , , size = ""] = rec.subarray(0, tab).toString("utf8").split(/ +/);
    if (mode !== "100644" && mode !== "100755" && mode !== "120000") continue;
    out.push({
      path: decodeGoString(rec.subarray(tab + 1)),
      kind: mode === "120000" ? "symlink" : "regular",
      size: Number(size)
    });
  }
  return out;
}
function treeZipErrors(git, repoDir, local) {
  const trees = /* @__PURE__ */ new Map();
  return async (commit, dir) => {
    let tree = trees.get(commit);
    if (tree === void 0) {
      tree = sizedTree(git, repoDir, commit);
      trees.set(commit, tree);
    }
    const prefix = dir === "" ? "" : `${dir}/`;
    const sources = (await tree).filter((e) => e.path.startsWith(prefix)).map((e) => ({
      path: e.path.slice(prefix.length),
      kind: e.kind,
      size: e.size,
      // x/mod's checks decide on names and sizes alone.
      open: () => Promise.reject(new Error("not read by the checks"))
    }));
    const err = checkedFilesError(checkFiles(sources, await local.goMod(commit, dir)));
    return err === void 0 ? void 0 : `create zip: ${err.message}`;
  };
}
function createLint(options2) {
  return async (req) => {
    const clock = options2.clock ?? systemClock;
    const deadline = clock.now() + req.timeoutMs;
    const env = effectiveEnv(req, options2.env ?? process.env);
    const entries = parseGoproxy(env.GOPROXY);
    const sumdb = parseGoSumdb(env.GOSUMDB);
    const repo = await openRepo(req.repoDir);
    const commit = await repo.resolveAny(req.ref);
    if (commit === void 0) {
      throw new InputError(
        `--ref ${JSON.stringify(req.ref)} names no commit in ${req.repoDir}: name a branch, tag or commit that exists (fetch it first in a shallow clone)`
      );
    }
    const git = createGitRunner();
    const local = gitLocalRepo(repo, git);
    const zipError = treeZipErrors(git, req.repoDir, local);
    const input = { ref: req.ref, commit, next: req.next, offline: req.offline };
    if (req.offline) return runLint(input, { local, zipError, logger: options2.logger, ...OFFLINE });
    const http4 = await httpClient(options2, env, entries, req.proxyToken, {
      deadline,
      timeoutMs: req.timeoutMs,
      clock
    });
    const workDir = await makeTempDir("modseal-lint-");
    try {
      const remote = remoteSidesFor(options2, { env, entries, sumdb, http: http4, clock, workDir });
      return await runLint(input, { local, zipError, logger: options2.logger, ...remote });
    } finally {
      await removeTempDir(workDir);
    }
  };
}
var OFFLINE;
var init_lint = __esm({
  "src/wire/lint.ts"() {
    "use strict";
    init_run_lint();
    init_git();
    init_goproxy();
    init_errors();
    init_go_string();
    init_modzip();
    init_retry();
    init_temp_dirs();
    init_sumdb();
    init_local_repo();
    init_release2();
    init_remote();
    OFFLINE = {
      mirrorFor: () => Promise.resolve({ kind: "off", reason: "offline" }),
      sumdbFor: () => Promise.resolve({ kind: "off", reason: "offline" })
    };
  }
});

// src/cli/lint-command.ts
var lint_command_exports = {};
__export(lint_command_exports, {
  lintCommand: () => lintCommand,
  makeLintCommand: () => makeLintCommand,
  renderLintText: () => renderLintText
});
import path9 from "node:path";
function where(f) {
  if (f.file === void 0) return "";
  const pos = [f.file, f.line, f.column].filter((x) => x !== void 0).join(":");
  return `${pos}: `;
}
function renderLintText(report) {
  const lines = [];
  for (const f of report.findings) {
    lines.push(`${where(f)}${f.severity} ${f.code}: ${f.message}`);
    if (f.fix !== void 0) lines.push(...f.fix.split("\n").map((l) => `    ${l}`));
  }
  const n = report.modules.length;
  const counted = `${n} module${n === 1 ? "" : "s"} at ${report.ref}`;
  const found = report.findings.length;
  lines.push(
    `lint ${report.verdict}: ${counted}, ${found === 0 ? "no findings" : `${found} finding${found === 1 ? "" : "s"}`}`
  );
  return lines.join("\n") + "\n";
}
function makeLintCommand(wiring = {}) {
  return async (argv, io) => {
    const values = parseFlags(
      "lint",
      USAGE3,
      {
        repo: { type: "string" },
        ref: { type: "string" },
        next: { type: "string", multiple: true },
        proxy: { type: "string" },
        sumdb: { type: "string" },
        offline: { type: "boolean" },
        timeout: { type: "string" },
        json: { type: "boolean" },
        sarif: { type: "string" }
      },
      argv,
      io,
      LINT_ALIASES
    );
    if (typeof values === "number") return values;
    const settings = parseCheckSettings(
      { goproxy: values.proxy, gosumdb: values.sumdb, timeout: values.timeout ?? "5m" },
      FLAG_NAMES
    );
    let sarif;
    if (values.sarif !== void 0) sarif = await openOutputFile("--sarif", values.sarif, io.cwd);
    try {
      const logger = { info: (m) => io.stderr(`${m}
`), debug: () => void 0 };
      const lint = createLint({ ...wiring, logger, env: io.env });
      const report = await lint({
        repoDir: path9.resolve(io.cwd, values.repo ?? "."),
        ref: values.ref ?? "HEAD",
        next: values.next ?? [],
        offline: values.offline === true,
        ...settings
      });
      if (sarif !== void 0) {
        sarif.stream.write(renderLintSarif(report, { toolVersion: modsealVersion() }));
        await sarif.commit();
        sarif = void 0;
      }
      (values.json === true ? io.stderr : io.stdout)(renderLintText(report));
      if (values.json === true) io.stdout(renderLintJson(report));
      return EXIT_BY_VERDICT2[report.verdict];
    } finally {
      await sarif?.discard();
    }
  };
}
var USAGE3, LINT_ALIASES, EXIT_BY_VERDICT2, lintCommand;
var init_lint_command = __esm({
  "src/cli/lint-command.ts"() {
    "use strict";
    init_lint_json();
    init_sarif();
    init_wire();
    init_lint();
    init_flags();
    init_output_file();
    init_io();
    init_version();
    USAGE3 = `usage: modseal lint [--repo DIR] [--ref REF] [--next TAG]... [--proxy LIST]
                    [--sumdb SPEC] [--offline] [--timeout DUR] [--json] [--sarif FILE]

Checks every module in the tree of REF (default HEAD, committed content) before
a release is tagged: the module path's major suffix against the next version,
imports of the module's previous major, go.mod as the go command reads it,
retractions and deprecations, whether the tree can become a module zip, and
whether the next version is already in the mirror or the checksum database.
--next names the tag a release is about to create (repeatable: v2.0.0,
api/v1.4.0); without it, the next version is implied by each module's latest
tag. The mirror is asked only what it already holds; --offline asks nothing.
--sarif FILE also writes the findings as SARIF 2.1.0 for code scanning.

exit status: 0 pass, 1 fail (an error finding), 2 usage or input error,
3 inconclusive (the mirror or the checksum database could not be asked)
`;
    LINT_ALIASES = {
      tag: "next",
      goproxy: "proxy",
      gosumdb: "sumdb",
      "working-directory": "repo"
    };
    EXIT_BY_VERDICT2 = {
      pass: EXIT_PASS,
      fail: EXIT_FAIL,
      inconclusive: EXIT_INCONCLUSIVE
    };
    lintCommand = makeLintCommand();
  }
});

// src/checks/scan/status.ts
function versionRefusal(modulePath2, version) {
  const err = check(modulePath2, version);
  if (err !== void 0) return err.message;
  const base = version.replace(/\+incompatible$/, "");
  if (base !== version && matchPathMajor(base, splitPathVersion(modulePath2).pathMajor)) {
    return new ModuleError(
      modulePath2,
      "",
      new InvalidVersionError(
        version,
        new Error(`+incompatible suffix not allowed: major version ${major(base)} is compatible`)
      )
    ).message;
  }
  if (canonical(base) !== base) {
    return `${modulePath2}@${version}: not a canonical version (the go command lists only ${canonical(base)}${version.endsWith("+incompatible") ? "+incompatible" : ""})`;
  }
  return void 0;
}
function maySend(modulePath2, version) {
  return versionRefusal(modulePath2, version) === void 0;
}
function mirrorHolds(version, sources) {
  if (sources.off !== void 0) return { kind: "off", reason: sources.off };
  const c = sources.cached;
  if (c !== void 0 && c.kind !== "unsupported") {
    if (c.kind === "unreachable") return { kind: "unreachable", reason: c.reason };
    return { kind: c.kind === "found" ? "held" : "not-held" };
  }
  const l = sources.list;
  if (l === void 0) {
    return {
      kind: "unreachable",
      reason: "neither the cached-only view nor the version list was read"
    };
  }
  if (l.kind === "unreachable") return { kind: "unreachable", reason: l.reason };
  if (l.kind === "not-found") return { kind: "not-held" };
  return { kind: l.versions.includes(version) ? "held" : "not-held" };
}
function mayAskSumdb(modulePath2, version, mirror) {
  return mirror.kind === "held" && maySend(modulePath2, version);
}
function needsMirrorZip(q) {
  if (!q.held) return false;
  if (q.remembered?.zip === void 0) return true;
  if (q.sumdb !== void 0) {
    if (q.local !== void 0 && differs(q.local, q.sumdb)) return true;
    return differs(q.remembered, q.sumdb);
  }
  return q.local !== void 0 && differs(q.local, q.remembered);
}
function differs(a, b) {
  return a.zip !== void 0 && b.zip !== void 0 && a.zip !== b.zip || a.mod !== void 0 && b.mod !== void 0 && a.mod !== b.mod;
}
function whatDiffers(a, b, aName, bName) {
  const parts = [];
  if (a.zip !== void 0 && b.zip !== void 0 && a.zip !== b.zip) {
    parts.push(`zip ${a.zip} (${aName}) against ${b.zip} (${bName})`);
  }
  if (a.mod !== void 0 && b.mod !== void 0 && a.mod !== b.mod) {
    parts.push(`go.mod ${a.mod} (${aName}) against ${b.mod} (${bName})`);
  }
  return parts.join("; ");
}
function mirrorHashes(f) {
  const z = f.mirrorZip;
  return z?.kind === "downloaded" || z?.kind === "remembered" ? z.hashes : void 0;
}
function scanStatus(f) {
  const mv2 = `${f.modulePath}@${f.version}`;
  const refusal = versionRefusal(f.modulePath, f.version);
  if (refusal !== void 0) {
    return invalid(f, f.local.kind === "refused" ? f.local.error : refusal);
  }
  if ((f.local.kind === "refused" || f.local.kind === "zip-error") && f.mirror.kind !== "held") {
    return invalid(f, f.local.error);
  }
  switch (f.mirror.kind) {
    case "off":
      return unchecked(
        `skipped by configuration: ${f.mirror.reason}; without a mirror to ask, the checksum database is not asked either (it fetches through the mirror)`
      );
    case "unreachable":
      return unchecked(
        `could not learn whether the mirror holds ${mv2}: ${f.mirror.reason}; the checksum database was not asked (it fetches through the mirror)`
      );
    case "not-held":
      return unpublished(f);
    case "held":
      break;
  }
  const sumdb = f.sumdb;
  const mirror = mirrorHashes(f);
  const local = f.local.kind === "built" ? f.local.hashes : void 0;
  if (sumdb?.kind === "found") {
    const rec = sumdb.hashes;
    if (f.rememberedSumdb !== void 0 && differs(rec, f.rememberedSumdb)) {
      return unchecked(
        `the checksum database's record of ${mv2} changed since an earlier scan (${whatDiffers(rec, f.rememberedSumdb, "now", "then")}); records never change, so the database or the state file cannot be trusted. Report it to the database's operator and check the state file`
      );
    }
    if (mirror !== void 0 && differs(mirror, rec)) {
      const also = local === void 0 ? "" : differs(local, rec) ? "; the tag also differs from the record" : "; the tag still matches the record";
      return {
        status: "mirror-differs",
        detail: `the mirror serves other bytes for ${mv2} than the checksum database recorded: ${whatDiffers(mirror, rec, "mirror", "checksum database")}${also}. The go command refuses the download (SECURITY ERROR) wherever the database is checked`
      };
    }
    return againstPublished(f, rec, "the checksum database");
  }
  const noRecord = sumdb === void 0 ? "the checksum database was not asked" : sumdb.kind === "not-found" ? "the checksum database has no record of it" : sumdb.kind === "off" ? `the checksum database is skipped by configuration: ${sumdb.reason}` : `the checksum database could not be asked: ${sumdb.reason}`;
  if (mirror !== void 0) {
    if (sumdb?.kind === "off" || sumdb?.kind === "not-found") {
      return againstPublished(f, mirror, "the mirror", noRecord);
    }
    if (local !== void 0 && differs(local, mirror)) {
      return againstPublished(f, mirror, "the mirror", noRecord);
    }
  }
  const zipNote = f.mirrorZip?.kind === "unreachable" ? `; the mirror's zip could not be downloaded: ${f.mirrorZip.reason}` : "";
  return unchecked(`${noRecord}${zipNote}`);
}
function againstPublished(f, ref, source, note) {
  const mv2 = `${f.modulePath}@${f.version}`;
  const noteText = note === void 0 ? "" : ` (${note})`;
  const local = f.local;
  switch (local.kind) {
    case "no-tag":
      if (f.mirrorZip?.kind === "unreachable") {
        return unchecked(
          `the repository has no tag ${f.tag}, and the mirror's zip could not be downloaded to compare with ${source}: ${f.mirrorZip.reason}`
        );
      }
      return tagMissing(f, source);
    case "failed":
      return unchecked(`the tag ${f.tag} could not be rebuilt: ${local.reason}`);
    case "refused":
    case "zip-error":
      return {
        status: "moved",
        detail: `${f.tag} now points at ${short(f.commit)}, which can no longer become ${mv2} (${local.error}), but ${source} holds it as published${noteText}`
      };
    case "built":
      break;
  }
  if (differs(local.hashes, ref)) {
    return {
      status: "moved",
      detail: `${f.tag} now points at ${short(f.commit)}, whose rebuild differs from what ${source} holds for ${mv2}: ${whatDiffers(local.hashes, ref, "tag", source === "the mirror" ? "mirror" : "checksum database")}${noteText}`
    };
  }
  if (f.mirrorZip?.kind === "unreachable") {
    return unchecked(
      `the tag matches ${source}, but the mirror's zip could not be downloaded to compare: ${f.mirrorZip.reason}`
    );
  }
  const withMirror = source !== "the mirror" && mirrorHashes(f) !== void 0 ? " and the mirror" : "";
  return {
    status: "ok",
    detail: `the rebuild of ${f.tag} (${short(f.commit)}) matches ${source}${withMirror}${noteText}`
  };
}
function invalid(f, why) {
  return {
    status: "invalid",
    detail: `${why}; the version was sent to neither the mirror nor the checksum database`,
    fix: `Delete the tag (\`git push origin :refs/tags/${f.tag}\`): the go command will never use it for ${f.modulePath}. Fix what Go names and tag a version it accepts instead.`
  };
}
function unpublished(f) {
  const mv2 = `${f.modulePath}@${f.version}`;
  if (f.local.kind === "no-tag") {
    return {
      status: "unpublished",
      detail: `${mv2} is neither tagged nor held by the mirror (it is only named, e.g. by a retract directive); nothing was asked`
    };
  }
  return {
    status: "unpublished",
    detail: `the mirror does not hold ${mv2}, so neither it nor the checksum database was asked (asking would publish it)`,
    fix: `If ${f.tag} is a release, publish it: \`GOPROXY=https://proxy.golang.org go list -m ${mv2}\` (or \`modseal verify --tag ${f.tag}\`). If it was never meant to be one, delete the tag.`
  };
}
function tagMissing(f, source) {
  const mv2 = `${f.modulePath}@${f.version}`;
  const commit = f.publishedCommit;
  return {
    status: "tag-missing",
    detail: `${source} holds ${mv2}, but the repository has no tag ${f.tag}: anyone building with GOPROXY=direct (or a private proxy) cannot get it`,
    fix: commit === void 0 ? `Push ${f.tag} again at the commit it was published from, or retract ${f.version} in a newer version.` : `Push the tag again at the commit it was published from: \`git tag ${f.tag} ${commit} && git push origin ${f.tag}\``
  };
}
function unchecked(detail) {
  return { status: "unchecked", detail };
}
function handledByRetraction(r) {
  return r.retracted !== void 0 && r.status !== "invalid" && PROBLEMS.has(r.status);
}
function needsAction(r) {
  return PROBLEMS.has(r.status) && !handledByRetraction(r);
}
function isFailing(r) {
  return FAILING.has(r.status) && !handledByRetraction(r);
}
function scanVerdict(results) {
  if (results.some(isFailing)) return "fail";
  if (results.some((r) => r.status === "unchecked")) return "inconclusive";
  return "pass";
}
function exitCodeOf(verdict) {
  return verdict === "fail" ? 1 : verdict === "inconclusive" ? 3 : 0;
}
function countStatuses(results) {
  const counts = Object.fromEntries(SCAN_STATUSES.map((s) => [s, 0]));
  for (const r of results) counts[r.status]++;
  return counts;
}
var SCAN_STATUSES, FAILING, PROBLEMS, short;
var init_status = __esm({
  "src/checks/scan/status.ts"() {
    "use strict";
    init_module();
    init_semver2();
    SCAN_STATUSES = [
      "moved",
      "mirror-differs",
      "invalid",
      "tag-missing",
      "unpublished",
      "unchecked",
      "ok"
    ];
    FAILING = /* @__PURE__ */ new Set(["moved", "mirror-differs", "invalid"]);
    PROBLEMS = /* @__PURE__ */ new Set([
      "moved",
      "mirror-differs",
      "invalid",
      "tag-missing",
      "unpublished"
    ]);
    short = (commit) => commit === void 0 ? "its commit" : commit.slice(0, 12);
  }
});

// src/report/scan-json.ts
function pair(h) {
  if (h === void 0) return void 0;
  const out = {};
  if (h.zip !== void 0) out.zip = h.zip;
  if (h.mod !== void 0) out.mod = h.mod;
  return out;
}
function result(r) {
  const doc = {
    module: r.module,
    version: r.version,
    tag: r.tag,
    status: r.status,
    commit: r.commit,
    local: pair(r.local),
    sumdb: pair(r.sumdb),
    mirror: pair(r.mirror),
    retracted: r.retracted,
    detail: r.detail,
    fix: r.fix
  };
  for (const k of Object.keys(doc)) if (doc[k] === void 0) delete doc[k];
  return doc;
}
function renderScanJson(report) {
  const counts = {};
  for (const s of SCAN_STATUSES) counts[s] = report.counts[s] ?? 0;
  const doc = {
    schema: report.schema,
    verdict: report.verdict,
    results: report.results.map(result),
    counts,
    remedies: report.remedies.map((m) => {
      const out = {
        module: m.module,
        versions: m.versions,
        nextVersion: m.nextVersion,
        tag: m.tag,
        goModPath: m.goModPath,
        retract: m.retract,
        note: m.note
      };
      for (const k of Object.keys(out)) if (out[k] === void 0) delete out[k];
      return out;
    })
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
var init_scan_json = __esm({
  "src/report/scan-json.ts"() {
    "use strict";
    init_status();
  }
});

// src/report/scan-text.ts
function renderScanText(report) {
  const lines = [];
  for (const r of report.results) {
    if (r.status === "ok") continue;
    lines.push(
      `${r.module}@${r.version}: ${r.status}${r.retracted !== void 0 ? " (retracted)" : ""}`
    );
    lines.push(`  ${r.detail}`);
    if (r.fix !== void 0) lines.push(`  fix: ${r.fix}`);
  }
  for (const m of report.remedies) {
    const where2 = m.goModPath ?? `the go.mod of ${m.module}`;
    lines.push(
      m.nextVersion === void 0 ? `${m.module}: ${m.note ?? ""}` : `${m.module}: add to ${where2} and publish ${m.nextVersion} (tag ${m.tag ?? m.nextVersion}):`
    );
    lines.push(...m.retract.split("\n").map((l) => `    ${l}`));
  }
  const counts = Object.entries(report.counts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(", ");
  lines.push(`scan ${report.verdict}: ${report.results.length} versions (${counts || "none"})`);
  return `${lines.join("\n")}
`;
}
var init_scan_text = __esm({
  "src/report/scan-text.ts"() {
    "use strict";
  }
});

// src/internal/pool.ts
async function mapLimit(items, limit, fn) {
  if (!(limit >= 1)) throw new RangeError(`mapLimit: limit must be at least 1, not ${limit}`);
  const results = new Array(items.length);
  let next = 0;
  let failure;
  const worker = async () => {
    while (failure === void 0 && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Math.min(Math.floor(limit), items.length);
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== void 0) throw failure.error;
  return results;
}
var init_pool = __esm({
  "src/internal/pool.ts"() {
    "use strict";
  }
});

// src/checks/scan/remedy.ts
function retractRationale(status, next) {
  return next === void 0 ? REASON[status] : `${REASON[status]}; use ${next}`;
}
function nextVersionAbove(modulePath2, seen) {
  const usable = [...new Set(seen)].filter((v) => maySend(modulePath2, v) && !isPseudoVersion(v));
  const compatible = usable.filter((v) => !v.endsWith("+incompatible"));
  const highest = (list) => list.reduce(
    (m, v) => m === void 0 || compare(v, m) > 0 ? v : m,
    void 0
  );
  const base = highest(compatible.filter((v) => prerelease(v) === "")) ?? highest(compatible.filter((v) => prerelease(v) !== ""));
  if (base === void 0) return void 0;
  const next = nextVersion(base, usable);
  return next === "" ? void 0 : next;
}
function moduleRemedy(input) {
  const path17 = input.modulePath;
  const affected = /* @__PURE__ */ new Map();
  for (const a of input.affected) {
    if (maySend(path17, a.version)) affected.set(a.version, a.status);
  }
  if (affected.size === 0) return void 0;
  const next = nextVersionAbove(path17, [...input.seen, ...affected.keys()]);
  const all = sortVersions(
    [.../* @__PURE__ */ new Set([...input.seen, ...affected.keys()])].filter((v) => maySend(path17, v))
  );
  const runs = [];
  let open3;
  for (const v of all) {
    const status = affected.get(v);
    if (status !== void 0 && open3?.status === status) {
      open3.high = v;
      continue;
    }
    open3 = status === void 0 ? void 0 : { low: v, high: v, status };
    if (open3 !== void 0) runs.push(open3);
  }
  const lines = runs.map(
    (r) => `${r.low === r.high ? r.low : `[${r.low}, ${r.high}]`} // ${retractRationale(r.status, next)}`
  );
  const retract = lines.length === 1 ? `retract ${lines[0]}` : `retract (
${lines.map((l) => `	${l}`).join("\n")}
)`;
  const remedy = {
    module: path17,
    versions: sortVersions([...affected.keys()]),
    retract
  };
  if (input.goModPath !== void 0) remedy.goModPath = input.goModPath;
  if (next !== void 0) {
    remedy.nextVersion = next;
    remedy.tag = `${input.tagPrefix ?? ""}${next}`;
  } else {
    remedy.note = `every version of ${path17} is +incompatible (published without a go.mod), so no version can carry a retraction; adding a go.mod and publishing a v0 or v1 version would make that the latest version instead of the +incompatible ones`;
  }
  return remedy;
}
var REASON;
var init_remedy2 = __esm({
  "src/checks/scan/remedy.ts"() {
    "use strict";
    init_module();
    init_semver2();
    init_version2();
    init_status();
    REASON = {
      moved: "tag moved after publication",
      "mirror-differs": "the mirror serves other bytes than the checksum database recorded"
    };
  }
});

// src/checks/scan/report.ts
function resultOf(f) {
  const d = scanStatus(f);
  const r = {
    module: f.modulePath,
    version: f.version,
    tag: f.tag,
    status: d.status,
    detail: d.detail
  };
  if (f.commit !== void 0) r.commit = f.commit;
  if (f.local.kind === "built") r.local = f.local.hashes;
  if (f.sumdb?.kind === "found") r.sumdb = f.sumdb.hashes;
  if (f.mirrorZip?.kind === "downloaded" || f.mirrorZip?.kind === "remembered") {
    r.mirror = f.mirrorZip.hashes;
  }
  if (f.retracted !== void 0) r.retracted = f.retracted;
  if (d.fix !== void 0) r.fix = d.fix;
  if (handledByRetraction(r)) {
    r.detail = `${d.detail}. Already ${f.retracted}: nothing more to do`;
    delete r.fix;
  }
  return r;
}
function remedyFix2(r, remedy) {
  const where2 = remedy.goModPath ?? `the go.mod of ${remedy.module}`;
  const line = `retract ${r.version} // ${retractRationale(r.status, remedy.nextVersion)}`;
  const extra = r.status === "mirror-differs" ? ` Also report it to the mirror's operator (for proxy.golang.org: https://go.dev/issue/new).` : "";
  if (remedy.nextVersion === void 0) return `${remedy.note ?? ""}.${extra}`;
  return `Add \`${line}\` to ${remedy.goModPath === void 0 ? where2 : `\`${where2}\``} and publish ${remedy.nextVersion} (tag ${remedy.tag ?? remedy.nextVersion}): the mirror keeps the first bytes of ${r.version} forever, and the go command reads retractions only from the latest version${remedy.versions.length > 1 ? ` (one block retracts the ${remedy.versions.length} versions of ${remedy.module} at once)` : ""}.${extra}`;
}
function scanReport(facts, modules = []) {
  const results = facts.map(resultOf).sort(
    (a, b) => compareGoStrings(a.module, b.module) || compareVersionStrings(a.version, b.version)
  );
  const byModule = /* @__PURE__ */ new Map();
  for (const r of results) {
    const list = byModule.get(r.module) ?? [];
    list.push(r);
    byModule.set(r.module, list);
  }
  const info = new Map(modules.map((m) => [m.modulePath, m]));
  const remedies = [];
  for (const [path17, list] of byModule) {
    const m = info.get(path17);
    const affected = list.filter((r) => isRetractable(r.status) && needsAction(r));
    const remedy = moduleRemedy({
      modulePath: path17,
      ...m?.tagPrefix !== void 0 ? { tagPrefix: m.tagPrefix } : {},
      ...m?.goModPath !== void 0 ? { goModPath: m.goModPath } : {},
      affected: affected.map((r) => ({ version: r.version, status: r.status })),
      seen: [...list.map((r) => r.version), ...m?.seen ?? []]
    });
    if (remedy === void 0) continue;
    remedies.push(remedy);
    for (const r of affected) r.fix = remedyFix2(r, remedy);
  }
  return {
    schema: SCAN_REPORT_SCHEMA,
    verdict: scanVerdict(results),
    results,
    counts: countStatuses(results),
    remedies
  };
}
var SCAN_REPORT_SCHEMA, isRetractable;
var init_report = __esm({
  "src/checks/scan/report.ts"() {
    "use strict";
    init_go_string();
    init_semver2();
    init_remedy2();
    init_status();
    SCAN_REPORT_SCHEMA = "modseal.scan-report/v1";
    isRetractable = (s) => s === "moved" || s === "mirror-differs";
  }
});

// src/checks/scan/state.ts
function emptyState() {
  return { trees: /* @__PURE__ */ new Map(), modules: /* @__PURE__ */ new Map() };
}
function rememberedVersion(state, modulePath2, version) {
  return state.modules.get(modulePath2)?.get(version);
}
function rememberVersion(state, modulePath2, version, entry) {
  let versions = state.modules.get(modulePath2);
  if (versions === void 0) {
    versions = /* @__PURE__ */ new Map();
    state.modules.set(modulePath2, versions);
  }
  versions.set(version, entry);
}
function describe(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}\u2026` : v);
  if (typeof v === "number" || typeof v === "boolean") return `${typeof v} ${v}`;
  return "an object";
}
function readVersion(r, v, where2) {
  const o = r.object(v, where2);
  const out = {};
  for (const [k, x] of Object.entries(o)) {
    switch (k) {
      case "commit":
        if (typeof x !== "string" || !COMMIT.test(x)) {
          r.fail(`${where2}.commit`, `must be a full commit hash, not ${describe(x)}`);
        }
        out.commit = x;
        break;
      case "localError":
        if (typeof x !== "string")
          r.fail(`${where2}.localError`, `must be a string, not ${describe(x)}`);
        out.localError = x;
        break;
      case "local":
      case "sumdb":
      case "mirror":
        out[k] = r.hashes(x, `${where2}.${k}`);
        break;
      default:
        r.fail(`${where2}.${k}`, "is not a field of a version entry");
    }
  }
  return out;
}
function readTree(r, v, where2) {
  const o = r.object(v, where2);
  const { size, hash, note } = o;
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
    r.fail(`${where2}.size`, `must be a record count, not ${describe(size)}`);
  }
  if (typeof hash !== "string" || !TREE_HASH.test(hash)) {
    r.fail(`${where2}.hash`, `must be a base64 SHA-256 tree hash, not ${describe(hash)}`);
  }
  if (typeof note !== "string" || !note.startsWith(`go.sum database tree
${size}
${hash}
`)) {
    r.fail(`${where2}.note`, `must be the signed note of the tree of size ${size} and hash ${hash}`);
  }
  for (const k of Object.keys(o)) {
    if (k !== "size" && k !== "hash" && k !== "note")
      r.fail(`${where2}.${k}`, "is not a field of a tree head");
  }
  return { size, hash, note };
}
function parseState(text, file) {
  const r = new Reader(file);
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError(
      `${file}: not a modseal scan state (not valid JSON: ${errorMessage(e)}); the file is damaged or not a state file: delete it (the next scan rebuilds every version) or pass another --state FILE`
    );
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new InputError(
      `${file}: not a modseal scan state (the document is ${describe(doc)}, not an object with "schema": "${STATE_SCHEMA}"): pass the file an earlier scan wrote, or delete it`
    );
  }
  const top = doc;
  const schema = top.schema;
  const m = typeof schema === "string" ? /^(.*)\/v([0-9]+)$/.exec(schema) : null;
  if (m?.[1] === SCHEMA_NAME && Number(m[2]) > VERSION2) {
    throw new InputError(
      `${file}: written by a newer modseal (schema ${String(schema)}; this one reads ${STATE_SCHEMA}): upgrade modseal, or delete the file to start over`
    );
  }
  if (schema !== STATE_SCHEMA) {
    throw new InputError(
      `${file}: not a modseal scan state (schema ${describe(schema)}, expected "${STATE_SCHEMA}"): pass the file an earlier scan wrote, or delete it`
    );
  }
  const state = emptyState();
  for (const [k, v] of Object.entries(top)) {
    if (k === "schema") continue;
    if (k === "trees") {
      for (const [name, t] of Object.entries(r.object(v, "trees"))) {
        state.trees.set(name, readTree(r, t, `trees[${JSON.stringify(name)}]`));
      }
    } else if (k === "modules") {
      for (const [path17, versions] of Object.entries(r.object(v, "modules"))) {
        const where2 = `modules[${JSON.stringify(path17)}]`;
        if (checkPath(path17) !== void 0) r.fail(where2, "is not a valid module path");
        const map = /* @__PURE__ */ new Map();
        for (const [version, entry] of Object.entries(r.object(versions, where2))) {
          const at = `${where2}[${JSON.stringify(version)}]`;
          if (!isValid(version)) r.fail(at, "is not a semantic version");
          map.set(version, readVersion(r, entry, at));
        }
        state.modules.set(path17, map);
      }
    } else {
      r.fail(k, "is not a field of the state");
    }
  }
  return state;
}
function pairJson(h) {
  if (h === void 0) return void 0;
  const out = {};
  if (h.zip !== void 0) out.zip = h.zip;
  if (h.mod !== void 0) out.mod = h.mod;
  return out;
}
function serializeState(state) {
  const trees = {};
  for (const name of [...state.trees.keys()].sort(compareGoStrings)) {
    const t = state.trees.get(name);
    trees[name] = { size: t.size, hash: t.hash, note: t.note };
  }
  const modules = {};
  for (const path17 of [...state.modules.keys()].sort(compareGoStrings)) {
    const versions = state.modules.get(path17);
    const out = {};
    for (const v of [...versions.keys()].sort(compareVersionStrings)) {
      const e = versions.get(v);
      const entry = {};
      if (e.commit !== void 0) entry.commit = e.commit;
      if (e.local !== void 0) entry.local = pairJson(e.local);
      if (e.localError !== void 0) entry.localError = e.localError;
      if (e.sumdb !== void 0) entry.sumdb = pairJson(e.sumdb);
      if (e.mirror !== void 0) entry.mirror = pairJson(e.mirror);
      out[v] = entry;
    }
    modules[path17] = out;
  }
  return `${JSON.stringify({ schema: STATE_SCHEMA, trees, modules }, null, 2)}
`;
}
var STATE_SCHEMA, SCHEMA_NAME, VERSION2, H1, COMMIT, TREE_HASH, Reader;
var init_state = __esm({
  "src/checks/scan/state.ts"() {
    "use strict";
    init_errors();
    init_go_string();
    init_module();
    init_semver2();
    STATE_SCHEMA = "modseal.scan-state/v1";
    SCHEMA_NAME = "modseal.scan-state";
    VERSION2 = 1;
    H1 = /^h1:[A-Za-z0-9+/]{43}=$/;
    COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
    TREE_HASH = /^[A-Za-z0-9+/]{43}=$/;
    Reader = class {
      constructor(file) {
        this.file = file;
      }
      file;
      fail(where2, what) {
        throw new InputError(
          `${this.file}: ${where2} ${what}; the state file is damaged: delete it (the next scan rebuilds every version and remembers again) or pass another --state FILE`
        );
      }
      object(v, where2) {
        if (typeof v !== "object" || v === null || Array.isArray(v)) {
          this.fail(where2, `must be a JSON object, not ${describe(v)}`);
        }
        return v;
      }
      hashes(v, where2) {
        if (v === void 0) return void 0;
        const o = this.object(v, where2);
        const out = {};
        for (const [k, h] of Object.entries(o)) {
          if (k !== "zip" && k !== "mod") this.fail(`${where2}.${k}`, "is not a field of a hash pair");
          if (typeof h !== "string" || !H1.test(h)) {
            this.fail(`${where2}.${k}`, `must be an h1: hash, not ${describe(h)}`);
          }
          out[k] = h;
        }
        return out;
      }
    };
  }
});

// src/checks/scan/run-scan.ts
function codeRootOf(modulePath2, dir) {
  const { prefix } = splitPathVersion(modulePath2);
  if (dir === "") return prefix;
  const d = dir.replace(/\/v[0-9]+$/, "");
  for (const tail of [`/${dir}`, `/${d}`]) {
    if (prefix.endsWith(tail)) return prefix.slice(0, -tail.length);
  }
  return prefix;
}
function localFromHashes(h) {
  if (h.error === void 0 && h.sum !== void 0 && h.goModSum !== void 0) {
    return { kind: "built", hashes: { zip: h.sum, mod: h.goModSum } };
  }
  const error = h.error ?? "the rebuild gave no hash";
  return h.goModSum !== void 0 ? { kind: "zip-error", error } : { kind: "refused", error };
}
function localFromState(e) {
  if (e.localError !== void 0) {
    return { kind: "refused", error: e.localError };
  }
  return { kind: "built", hashes: e.local };
}
function tagsOf(m, tags, all) {
  const { pathMajor } = splitPathVersion(m.modulePath);
  return tags.filter((t) => {
    const mj = major(t.version);
    if (pathMajor !== "") return `/${mj}` === pathMajor || `.${mj}` === pathMajor;
    if (mj === "v0" || mj === "v1") return true;
    return !all.some((o) => o.modulePath === `${m.modulePath}/${mj}`);
  });
}
function versionOfTag(m, t) {
  const mj = major(t.version);
  const { pathMajor } = splitPathVersion(m.modulePath);
  return pathMajor === "" && mj !== "v0" && mj !== "v1" ? `${t.version}+incompatible` : t.version;
}
async function retractionsOf(local, m, tagged) {
  const usable = tagged.filter(
    (t) => t.tag.canonical && !t.version.endsWith("+incompatible") && maySend(m.modulePath, t.version)
  );
  const releases = usable.filter((t) => prerelease(t.version) === "");
  const pool = releases.length > 0 ? releases : usable;
  const latest = pool.reduce(
    (a, t) => a === void 0 || compare(t.version, a.version) > 0 ? t : a,
    void 0
  );
  if (latest === void 0) return [];
  try {
    const data = await local.goMod(latest.tag.commit, m.dir);
    if (data === void 0) return [];
    const f = parseLax("go.mod", data);
    return f.retract.map((r) => ({ low: r.low, high: r.high, rationale: r.rationale }));
  } catch {
    return [];
  }
}
function sumdbView(a) {
  switch (a.kind) {
    case "found":
      return { kind: "found", hashes: { zip: a.zipHash, mod: a.goModHash } };
    case "not-found":
      return { kind: "not-found" };
    case "unverifiable":
      return { kind: "unreachable", reason: a.reason };
    case "unreachable":
      return { kind: "unreachable", reason: a.reason };
  }
}
async function mirrorZip(mirror, path17, version, polite) {
  const mod = await polite.ask(`${path17}@${version}.mod`, () => mirror.mod(path17, version));
  if (mod.kind !== "ok") {
    return { kind: "unreachable", reason: mod.kind === "not-found" ? mod.body : mod.reason };
  }
  const zip = await polite.ask(`${path17}@${version}.zip`, () => mirror.zip(path17, version));
  if (zip.kind === "ok") return { kind: "downloaded", hashes: { zip: zip.h1, mod: mod.h1 } };
  const reason2 = zip.kind === "not-found" ? zip.body : zip.kind === "invalid" ? zip.reason : zip.reason;
  return { kind: "unreachable", reason: reason2 };
}
async function runScan(input, ports) {
  const run = {
    ports,
    state: input.state,
    limit: Math.max(1, Math.floor(input.concurrency ?? 4)),
    polite: new Politeness(ports.clock, ports.random ?? Math.random, ports.logger),
    counters: { rebuilt: 0, reused: 0, sumdbLookups: 0, mirrorZips: 0, backoffs: 0 }
  };
  const all = await modulesAtHead(ports.local);
  const facts = [];
  const modules = [];
  for (const m of chooseModules(all, input.modules)) {
    await inGroup(ports.logger, `scan ${m.modulePath}`, async () => {
      const r = await scanModule(run, m, all);
      facts.push(...r.facts);
      modules.push(r.module);
    });
  }
  run.counters.backoffs = run.polite.backoffs;
  return { report: scanReport(facts, modules), counters: run.counters };
}
async function modulesAtHead(local) {
  return (await local.modules("HEAD")).filter((d) => d.modulePath !== "").map((d) => ({
    modulePath: d.modulePath,
    dir: d.dir,
    codeRoot: codeRootOf(d.modulePath, d.dir)
  }));
}
function chooseModules(all, wanted) {
  let chosen = all;
  if (wanted !== void 0 && wanted.length > 0) {
    chosen = [];
    for (const p of wanted) {
      const m = all.find((x) => x.modulePath === p);
      if (m === void 0) {
        throw new InputError(
          `--module ${p}: no go.mod at HEAD declares it (modules here: ${all.map((x) => x.modulePath).join(", ") || "none"}); pass one of those`
        );
      }
      chosen.push(m);
    }
  }
  if (chosen.length === 0) {
    throw new InputError(
      "no go.mod at HEAD declares a module: pass --repo the repository of a Go module"
    );
  }
  return chosen;
}
async function scanModule(run, m, all) {
  const { local, logger } = run.ports;
  const prefix = m.dir === "" ? "" : `${m.dir}/`;
  const tags = tagsOf(m, await local.versionTags(m.dir), all);
  const tagged = tags.map((t) => ({ version: versionOfTag(m, t), tag: t }));
  const candidates = /* @__PURE__ */ new Map();
  for (const t of tagged) {
    const v = t.tag.canonical ? t.version : t.tag.name.slice(prefix.length);
    candidates.set(v, { version: v, tag: t.tag });
  }
  const retractions = await retractionsOf(local, m, tagged);
  for (const r of retractions) {
    for (const v of [r.low, r.high]) {
      if (isValid(v) && !candidates.has(v)) candidates.set(v, { version: v });
    }
  }
  for (const v of run.state.modules.get(m.modulePath)?.keys() ?? []) {
    if (!candidates.has(v)) candidates.set(v, { version: v });
  }
  const localViews = await rebuildChanged(run, m, candidates);
  const seen = await mirrorSeen(run, m, candidates, localViews);
  const versions = [...candidates.values()];
  const facts = await mapLimit(
    versions,
    run.limit,
    (c) => versionFacts(run, m, prefix, c, localViews.get(c.version), seen, retractions)
  );
  logger.info(`${m.modulePath}: ${versions.length} versions`);
  const list = seen.list;
  return {
    facts,
    module: {
      modulePath: m.modulePath,
      tagPrefix: prefix,
      goModPath: `${prefix}go.mod`,
      ...list?.kind === "ok" ? { seen: list.versions } : {}
    }
  };
}
async function rebuildChanged(run, m, candidates) {
  const { state, counters, ports } = run;
  const withTag = [...candidates.values()].filter(
    (c) => c.tag !== void 0
  );
  const localViews = /* @__PURE__ */ new Map();
  const toBuild = [];
  for (const c of withTag) {
    const refusal = versionRefusal(m.modulePath, c.version);
    if (refusal !== void 0 && !c.tag.canonical) {
      localViews.set(c.version, { kind: "refused", error: refusal });
      continue;
    }
    const e = rememberedVersion(state, m.modulePath, c.version);
    const complete = e?.localError !== void 0 || e?.local?.zip !== void 0 && e.local.mod !== void 0;
    if (e !== void 0 && e.commit === c.tag.commit && complete) {
      localViews.set(c.version, localFromState(e));
      counters.reused++;
    } else {
      toBuild.push(c);
    }
  }
  if (toBuild.length > 0) {
    try {
      const hashes = await ports.hasher.hashVersions(
        toBuild.map((c) => ({
          modulePath: m.modulePath,
          codeRoot: m.codeRoot,
          query: c.tag.version
        }))
      );
      for (const [i, c] of toBuild.entries())
        localViews.set(c.version, localFromHashes(hashes[i]));
    } catch (e) {
      for (const c of toBuild) {
        localViews.set(c.version, { kind: "failed", reason: errorMessage(e) });
      }
    }
    counters.rebuilt += toBuild.length;
  }
  return localViews;
}
async function mirrorSeen(run, m, candidates, localViews) {
  const { polite, ports } = run;
  const mirrorSide = await ports.mirrorFor(m.modulePath);
  const sumdbSide = await ports.sumdbFor(m.modulePath);
  const mirror = mirrorSide.kind === "on" ? mirrorSide.port : void 0;
  let hasCachedView = false;
  let list;
  if (mirror !== void 0) {
    const cachedList = mirror.cachedList?.bind(mirror);
    if (cachedList !== void 0) {
      const l = await polite.ask(
        `cached-only ${m.modulePath} @v/list`,
        () => cachedList(m.modulePath)
      );
      hasCachedView = l.kind !== "unsupported";
      if (l.kind === "ok") {
        list = { kind: "ok", versions: l.versions };
        for (const v of l.versions) if (!candidates.has(v)) candidates.set(v, { version: v });
      } else if (l.kind === "not-found") {
        list = { kind: "not-found" };
      }
    }
    const probe = [...candidates.keys()].find(
      (v) => maySend(m.modulePath, v) && localViews.get(v)?.kind !== "refused"
    );
    if (!hasCachedView && probe !== void 0) {
      const c = await polite.ask(
        `cached-only ${m.modulePath}@${probe}`,
        () => mirror.cached(m.modulePath, probe)
      );
      hasCachedView = c.kind !== "unsupported";
    }
    if (!hasCachedView) {
      const l = await polite.ask(`${m.modulePath} @v/list`, () => mirror.list(m.modulePath));
      list = l.kind === "ok" ? { kind: "ok", versions: l.versions } : l.kind === "not-found" ? { kind: "not-found" } : { kind: "unreachable", reason: l.reason };
      if (l.kind === "ok") {
        for (const v of l.versions) if (!candidates.has(v)) candidates.set(v, { version: v });
      }
    }
  }
  return { mirrorSide, sumdbSide, mirror, hasCachedView, list };
}
async function versionFacts(run, m, prefix, c, localView, seen, retractions) {
  const { state, polite, counters } = run;
  const { mirrorSide, sumdbSide, mirror, hasCachedView, list } = seen;
  const path17 = m.modulePath;
  const v = c.version;
  const remembered = rememberedVersion(state, path17, v);
  const tagName2 = c.tag?.name ?? `${prefix}${v.replace(/\+incompatible$/, "")}`;
  const lv = localView ?? { kind: "no-tag" };
  let cached;
  if (mirror !== void 0 && hasCachedView && list === void 0 && maySend(path17, v) && lv.kind !== "refused") {
    const a = await polite.ask(`cached-only ${path17}@${v}`, () => mirror.cached(path17, v));
    cached = a.kind === "found" ? { kind: "found" } : a.kind === "not-found" ? { kind: "not-found" } : a.kind === "unsupported" ? { kind: "unsupported" } : { kind: "unreachable", reason: a.reason };
  }
  const mv2 = mirrorHolds(v, {
    ...mirrorSide.kind === "off" ? { off: mirrorSide.reason } : {},
    ...cached !== void 0 ? { cached } : {},
    ...list !== void 0 ? { list } : {}
  });
  const f = {
    modulePath: path17,
    version: v,
    tag: tagName2,
    local: lv,
    mirror: mv2
  };
  if (c.tag !== void 0) f.commit = c.tag.commit;
  if (remembered?.sumdb !== void 0) f.rememberedSumdb = remembered.sumdb;
  if (remembered?.commit !== void 0 && c.tag === void 0) {
    f.publishedCommit = remembered.commit;
  }
  const why = retractionMessage(v, retractions);
  if (why !== void 0) f.retracted = why;
  const held = mayAskSumdb(path17, v, mv2);
  if (held) {
    if (sumdbSide.kind === "off") {
      f.sumdb = { kind: "off", reason: sumdbSide.reason };
    } else {
      counters.sumdbLookups++;
      f.sumdb = sumdbView(
        await polite.ask(`checksum database ${path17}@${v}`, () => sumdbSide.port.lookup(path17, v))
      );
    }
  }
  const localHashes2 = lv.kind === "built" ? lv.hashes : void 0;
  const sumdbHashes = f.sumdb?.kind === "found" ? f.sumdb.hashes : void 0;
  if (mirror !== void 0 && needsMirrorZip({
    held,
    ...remembered?.mirror !== void 0 ? { remembered: remembered.mirror } : {},
    ...sumdbHashes !== void 0 ? { sumdb: sumdbHashes } : {},
    ...localHashes2 !== void 0 ? { local: localHashes2 } : {}
  })) {
    counters.mirrorZips++;
    f.mirrorZip = await mirrorZip(mirror, path17, v, polite);
  } else if (held && remembered?.mirror !== void 0) {
    f.mirrorZip = { kind: "remembered", hashes: remembered.mirror };
  }
  const entry = {};
  if (c.tag !== void 0) entry.commit = c.tag.commit;
  else if (remembered?.commit !== void 0) entry.commit = remembered.commit;
  if (lv.kind === "built") entry.local = lv.hashes;
  if (lv.kind === "refused" || lv.kind === "zip-error") {
    entry.localError = lv.error;
  }
  const rec = remembered?.sumdb ?? sumdbHashes;
  if (rec !== void 0) entry.sumdb = rec;
  const mz = f.mirrorZip?.kind === "downloaded" ? f.mirrorZip.hashes : remembered?.mirror;
  if (mz !== void 0) entry.mirror = mz;
  if (c.tag !== void 0 || held || remembered !== void 0)
    rememberVersion(state, path17, v, entry);
  return f;
}
var Politeness;
var init_run_scan = __esm({
  "src/checks/scan/run-scan.ts"() {
    "use strict";
    init_errors();
    init_retry();
    init_pool();
    init_module();
    init_modfile();
    init_semver2();
    init_ports();
    init_report();
    init_state();
    init_status();
    Politeness = class {
      constructor(clock, random, logger) {
        this.clock = clock;
        this.random = random;
        this.logger = logger;
      }
      clock;
      random;
      logger;
      resumeAt = 0;
      backoffs = 0;
      async ask(what, fn) {
        for (let attempt = 1; ; attempt++) {
          const wait = this.resumeAt - this.clock.now();
          if (wait > 0) await this.clock.sleep(wait);
          const answer2 = await fn();
          const u = answer2;
          const slowDown = u.kind === "unreachable" && u.notSent !== true && (u.retryAfterMs !== void 0 || /\b429\b/.test(u.reason ?? ""));
          if (!slowDown || u.deadline === true || attempt >= 4) return answer2;
          const delay = backoffDelay(
            attempt,
            { baseDelayMs: 1e3, maxDelayMs: 6e4 },
            this.random,
            u.retryAfterMs
          );
          this.resumeAt = Math.max(this.resumeAt, this.clock.now() + delay);
          this.backoffs++;
          this.logger.info(`${what}: ${u.reason ?? "trouble"}; every request waits ${delay} ms`);
        }
      }
    };
  }
});

// src/git/git-coprocess.ts
import { spawn as spawn2 } from "node:child_process";
var EXIT_GRACE_MS, STDERR_KEEP, GitCoprocess;
var init_git_coprocess = __esm({
  "src/git/git-coprocess.ts"() {
    "use strict";
    init_errors();
    init_temp_dirs();
    init_git_runner();
    EXIT_GRACE_MS = 5e3;
    STDERR_KEEP = 16 << 10;
    GitCoprocess = class {
      constructor(label, args, cwd, options2 = {}) {
        this.label = label;
        this.child = spawn2(options2.git ?? "git", args, {
          cwd,
          env: isolatedGitEnv(options2.env ?? process.env),
          stdio: "pipe"
        });
        const forget = stopOnInterrupt(() => this.child.kill("SIGKILL"));
        this.child.stderr.on("data", (c) => {
          const all = Buffer.concat([this.stderrTail, c]);
          this.stderrTail = all.length > STDERR_KEEP ? all.subarray(all.length - STDERR_KEEP) : all;
        });
        this.child.stdin.on("error", () => void 0);
        this.exited = new Promise((resolve) => {
          this.child.on("error", (e) => {
            if (this.child.pid === void 0) {
              forget();
              this.exitInfo = { code: null, signal: null, spawnError: e };
              resolve(this.exitInfo);
            }
          });
          this.child.on("close", (code, signal) => {
            forget();
            this.exitInfo = { code, signal };
            resolve(this.exitInfo);
          });
        });
      }
      label;
      child;
      stderrTail = Buffer.alloc(0);
      pending = [];
      exitInfo;
      /** Settles (never rejects) once the process is gone and its pipes are closed. */
      exited;
      get stdout() {
        return this.child.stdout;
      }
      /** Whether the process is gone (or never started). */
      get hasExited() {
        return this.exitInfo !== void 0;
      }
      /**
       * Queues `data` for stdin. Writes made in the same tick go out as one
       * (a scan sends tens of thousands of short requests; one system call each
       * would cost more than git's answers).
       */
      write(data) {
        this.pending.push(typeof data === "string" ? Buffer.from(data) : data);
        if (this.pending.length === 1) setImmediate(() => this.flush());
      }
      flush() {
        const parts = this.pending;
        this.pending = [];
        if (parts.length > 0 && !this.hasExited) this.child.stdin.write(Buffer.concat(parts));
      }
      /** What git last wrote to stderr, on one line. */
      stderrText() {
        return oneLine(this.stderrTail.toString("utf8"));
      }
      /** A sentence saying how the process ended, with git's own words. */
      describeExit(e) {
        if (e.spawnError !== void 0) return `cannot run ${this.label}: ${e.spawnError.message}`;
        const how = e.signal !== null ? `was killed (${e.signal})` : `exited with status ${e.code}`;
        const said = this.stderrText();
        return `${this.label} ${how}${said === "" ? "" : `: ${said}`}`;
      }
      /** Stops the process at once; resolves when it is reaped. */
      async kill() {
        if (!this.hasExited) {
          this.child.kill("SIGKILL");
          this.child.stdout.destroy();
        }
        return this.exited;
      }
      /**
       * Ends stdin so git finishes on its own, and kills it if it has not exited
       * within a few seconds. Resolves when the process is reaped.
       */
      async close() {
        if (this.hasExited) return this.exited;
        this.flush();
        this.child.stdin.end();
        let timer;
        const late = new Promise((resolve) => {
          timer = setTimeout(resolve, EXIT_GRACE_MS);
          timer.unref();
        });
        await Promise.race([this.exited, late]);
        clearTimeout(timer);
        return this.kill();
      }
    };
  }
});

// src/git/attr-check.ts
import { mkdir as mkdir4, writeFile as writeFile3 } from "node:fs/promises";
import path10 from "node:path";
function keepsBlobBytes(v) {
  return CONTENT_ATTRIBUTES.every((a) => KEEPS_BYTES[a].split("|").includes(v[a]));
}
async function writeAttributesTree(workTree, files2) {
  const root = Buffer.from(workTree);
  for (const f of files2) {
    for (const part of f.dir.length === 0 ? [] : f.dir.toString("latin1").split("/")) {
      if (part === "" || part === "." || part === ".." || part.toLowerCase() === ".git") {
        throw new Error(`unusual directory name ${JSON.stringify(part)}`);
      }
    }
    const dir = f.dir.length === 0 ? root : Buffer.concat([root, Buffer.from(path10.sep), f.dir]);
    await mkdir4(dir, { recursive: true });
    await writeFile3(Buffer.concat([dir, Buffer.from(`${path10.sep}.gitattributes`)]), f.content);
  }
}
var CONTENT_ATTRIBUTES, KEEPS_BYTES, FIELDS, AttrCheck;
var init_attr_check = __esm({
  "src/git/attr-check.ts"() {
    "use strict";
    init_git_coprocess();
    CONTENT_ATTRIBUTES = [
      "text",
      "eol",
      "crlf",
      "ident",
      "filter",
      "working-tree-encoding",
      "export-subst",
      "export-ignore"
    ];
    KEEPS_BYTES = {
      text: "unspecified|set|unset|auto",
      eol: "unspecified|unset|lf",
      crlf: "unspecified|unset|set|input",
      ident: "unspecified|unset",
      filter: "unspecified|unset",
      "working-tree-encoding": "unspecified|unset",
      // cmd/go's info/attributes unsets both for every path.
      "export-subst": "unset",
      "export-ignore": "unset"
    };
    FIELDS = 3 * CONTENT_ATTRIBUTES.length;
    AttrCheck = class {
      proc;
      queue = [];
      fields = [];
      partial = [];
      failure;
      /**
       * `workTree` holds the `.gitattributes` files (see {@link writeAttributesTree});
       * `gitDir` is a repository with the archive's info/attributes.
       */
      constructor(gitDir, workTree, options2 = {}) {
        this.proc = new GitCoprocess(
          "git check-attr",
          [
            `--git-dir=${gitDir}`,
            `--work-tree=${workTree}`,
            // As for git archive: the user's default attributes file is not the mirror's.
            "-c",
            "core.attributesFile=/dev/null",
            "check-attr",
            "--stdin",
            "-z",
            ...CONTENT_ATTRIBUTES
          ],
          workTree,
          options2
        );
        this.proc.stdout.on("data", (c) => this.onData(c));
        void this.proc.exited.then((e) => this.fail(new Error(this.proc.describeExit(e))));
      }
      /** The attribute values of `fullPath` (raw bytes, from the repository root). */
      check(fullPath) {
        if (this.failure !== void 0) return Promise.reject(this.failure);
        if (fullPath.includes(0)) return Promise.reject(new Error("path with a NUL byte"));
        return new Promise((resolve, reject) => {
          this.queue.push({ resolve, reject });
          this.proc.write(Buffer.concat([fullPath, Buffer.from([0])]));
        });
      }
      async close() {
        this.fail(new Error("git check-attr was closed"));
        await this.proc.close();
      }
      fail(e) {
        this.failure ??= e;
        for (const p of this.queue.splice(0)) p.reject(this.failure);
      }
      onData(chunk) {
        let off = 0;
        for (; ; ) {
          const nul = chunk.indexOf(0, off);
          if (nul < 0) {
            if (off < chunk.length) this.partial.push(chunk.subarray(off));
            return;
          }
          this.partial.push(chunk.subarray(off, nul));
          this.fields.push(Buffer.concat(this.partial));
          this.partial = [];
          off = nul + 1;
          if (this.fields.length === FIELDS) this.answer();
        }
      }
      answer() {
        const f = this.fields;
        this.fields = [];
        const p = this.queue.shift();
        if (p === void 0) return this.fail(new Error("git check-attr answered nothing asked"));
        const values = {};
        for (const [i, a] of CONTENT_ATTRIBUTES.entries()) {
          if (f[3 * i + 1]?.toString("latin1") !== a) {
            p.reject(new Error("git check-attr answered in an unexpected form"));
            return this.fail(new Error("git check-attr answered in an unexpected form"));
          }
          values[a] = f[3 * i + 2]?.toString("latin1") ?? "";
        }
        p.resolve(values);
      }
    };
  }
});

// src/git/blob-cache.ts
import { createHash as createHash10 } from "node:crypto";
function notABlob(oid, type) {
  return new BlobMissingError(
    type === void 0 ? `blob ${oid} is missing` : `object ${oid} is a ${type}, not a blob`
  );
}
var BlobMissingError, BlobCache;
var init_blob_cache = __esm({
  "src/git/blob-cache.ts"() {
    "use strict";
    BlobMissingError = class extends Error {
      name = "BlobMissingError";
    };
    BlobCache = class {
      constructor(batch) {
        this.batch = batch;
      }
      batch;
      // Digests packed 32 bytes apiece in one growing buffer, sizes beside them,
      // the map holding only id → slot: about 100 bytes per distinct blob.
      slots = /* @__PURE__ */ new Map();
      slab = Buffer.alloc(32 * 1024);
      sizes = new Float64Array(1024);
      inFlight = /* @__PURE__ */ new Map();
      /** Blobs whose content was read and hashed (each distinct blob at most once). */
      blobsHashed = 0;
      /** Content bytes hashed. */
      bytesHashed = 0;
      /** Requests answered from the map (or joined to a read already under way). */
      hits = 0;
      /** Distinct blobs remembered. */
      get size() {
        return this.slots.size;
      }
      /** The remembered digest of `oid`, without reading anything. */
      peek(oid) {
        const i = this.slots.get(oid);
        return i === void 0 ? void 0 : this.load(i);
      }
      /** SHA-256 and size of the blob `oid` (a full object id), read at most once per cache. */
      digest(oid) {
        const known = this.peek(oid);
        if (known !== void 0) {
          this.hits++;
          return Promise.resolve(known);
        }
        const running = this.inFlight.get(oid);
        if (running !== void 0) {
          this.hits++;
          return running;
        }
        const p = this.hash(oid).finally(() => this.inFlight.delete(oid));
        this.inFlight.set(oid, p);
        return p;
      }
      /**
       * The whole content of a small blob (go.mod, .gitattributes), whose
       * digest is remembered on the way; undefined when it is larger than
       * `maxBytes` (then only the digest is kept).
       */
      async content(oid, maxBytes = Number.POSITIVE_INFINITY) {
        const h = createHash10("sha256");
        const parts = [];
        let kept = 0;
        const header = await this.batch.read(oid, (c) => {
          h.update(c);
          kept += c.length;
          if (kept <= maxBytes) parts.push(Buffer.from(c));
        });
        if (header === void 0 || header.type !== "blob") throw notABlob(oid, header?.type);
        if (!this.slots.has(oid)) this.store(oid, h.digest(), header.size);
        return header.size > maxBytes ? void 0 : Buffer.concat(parts);
      }
      async hash(oid) {
        const h = createHash10("sha256");
        const header = await this.batch.read(oid, (c) => h.update(c));
        if (header === void 0 || header.type !== "blob") throw notABlob(oid, header?.type);
        return this.store(oid, h.digest(), header.size);
      }
      store(oid, sha2563, size) {
        const i = this.slots.size;
        if ((i + 1) * 32 > this.slab.length) {
          const slab = Buffer.alloc(this.slab.length * 2);
          this.slab.copy(slab);
          this.slab = slab;
          const sizes = new Float64Array(this.sizes.length * 2);
          sizes.set(this.sizes);
          this.sizes = sizes;
        }
        sha2563.copy(this.slab, i * 32);
        this.sizes[i] = size;
        this.slots.set(oid, i);
        this.blobsHashed++;
        this.bytesHashed += size;
        return this.load(i);
      }
      load(i) {
        return { sha256: this.slab.subarray(i * 32, i * 32 + 32), size: this.sizes[i] ?? 0 };
      }
    };
  }
});

// src/git/cat-file-batch.ts
var HEADER, CatFileError, CatFileBatch;
var init_cat_file_batch = __esm({
  "src/git/cat-file-batch.ts"() {
    "use strict";
    init_git_coprocess();
    HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/;
    CatFileError = class extends Error {
      name = "CatFileError";
    };
    CatFileBatch = class {
      proc;
      queue = [];
      headerParts = [];
      failure;
      timer;
      idleMs;
      /** Objects answered (found or missing). */
      objectsRead = 0;
      /** Content bytes received. */
      bytesRead = 0;
      /** Starts `git cat-file --batch` in the repository at `cwd`. */
      constructor(cwd, options2 = {}) {
        this.idleMs = options2.idleTimeoutMs ?? 12e4;
        this.proc = new GitCoprocess("git cat-file --batch", ["cat-file", "--batch"], cwd, options2);
        this.proc.stdout.on("data", (c) => this.onData(c));
        void this.proc.exited.then((e) => {
          this.fail(new CatFileError(this.proc.describeExit(e)));
        });
      }
      /**
       * Reads one object. Content goes to `sink` in order (chunks are views
       * into git's output: copy what you keep). Resolves with the header, or
       * undefined when git reports the name missing; rejects with a CatFileError
       * (git's stderr included) when the process fails or stays silent.
       */
      read(name, sink) {
        if (name.includes("\n") || name === "") {
          return Promise.reject(
            new Error(`cannot ask git cat-file --batch for ${JSON.stringify(name)}`)
          );
        }
        if (this.failure !== void 0) return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
          this.queue.push({ name, sink, resolve, reject, remaining: 0 });
          if (this.queue.length === 1) this.armTimer();
          this.proc.write(name + "\n");
        });
      }
      /** Reads one whole object into memory (small objects only: trees, go.mod, commits). */
      async readAll(name) {
        const parts = [];
        const header = await this.read(name, (c) => parts.push(Buffer.from(c)));
        return header === void 0 ? void 0 : { header, data: Buffer.concat(parts) };
      }
      /** Pending requests fail; the process is asked to exit, and killed if it does not. */
      async close() {
        this.fail(new CatFileError("git cat-file --batch was closed"));
        await this.proc.close();
      }
      /** (Re)starts the silence deadline while requests are pending. */
      armTimer() {
        if (this.queue.length === 0) return this.disarmTimer();
        if (this.timer !== void 0) {
          this.timer.refresh();
          return;
        }
        this.timer = setTimeout(() => {
          const name = this.queue[0]?.name ?? "";
          const said = this.proc.stderrText();
          this.fail(
            new CatFileError(
              `git cat-file --batch gave no answer for ${this.idleMs / 1e3} s (reading ${name})` + (said === "" ? "" : `: ${said}`)
            )
          );
          void this.proc.kill();
        }, this.idleMs);
        this.timer.unref();
      }
      disarmTimer() {
        clearTimeout(this.timer);
        this.timer = void 0;
      }
      fail(e) {
        this.failure ??= e;
        this.disarmTimer();
        for (const p of this.queue.splice(0)) p.reject(this.failure);
        this.headerParts = [];
      }
      onData(chunk) {
        if (this.failure !== void 0) return;
        this.armTimer();
        let off = 0;
        while (off < chunk.length) {
          const p = this.queue[0];
          if (p === void 0) {
            this.protocolError("output nobody asked for");
            return;
          }
          if (p.header === void 0) {
            const nl = chunk.indexOf(10, off);
            if (nl < 0) {
              this.headerParts.push(chunk.subarray(off));
              return;
            }
            this.headerParts.push(chunk.subarray(off, nl));
            const line = Buffer.concat(this.headerParts).toString("latin1");
            this.headerParts = [];
            off = nl + 1;
            if (line === `${Buffer.from(p.name).toString("latin1")} missing`) {
              this.finish(p, void 0);
              continue;
            }
            const m = HEADER.exec(line);
            if (m === null) {
              this.protocolError(`an answer it does not understand (${JSON.stringify(line)})`);
              return;
            }
            p.header = { oid: m[1], type: m[2], size: Number(m[3]) };
            p.remaining = p.header.size + 1;
            continue;
          }
          const n = Math.min(p.remaining, chunk.length - off);
          const content = Math.min(n, p.remaining - 1);
          if (content > 0) {
            this.bytesRead += content;
            p.sink?.(chunk.subarray(off, off + content));
          }
          p.remaining -= n;
          off += n;
          if (p.remaining === 0) {
            if (chunk[off - 1] !== 10) {
              this.protocolError("an object not followed by a newline");
              return;
            }
            this.finish(p, p.header);
          }
        }
      }
      finish(p, header) {
        this.queue.shift();
        this.objectsRead++;
        if (this.queue.length === 0) this.disarmTimer();
        p.resolve(header);
      }
      protocolError(what) {
        this.fail(new CatFileError(`git cat-file --batch sent ${what}`));
        void this.proc.kill();
      }
    };
  }
});

// src/git/tree-lister.ts
function parseTree2(data, hashBytes) {
  const out = [];
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(32, i);
    const nul = sp < 0 ? -1 : data.indexOf(0, sp + 1);
    if (sp < 0 || nul < 0 || nul + 1 + hashBytes > data.length) {
      throw new UnusualTreeError("truncated tree entry");
    }
    const mode = data.toString("latin1", i, sp);
    const kind = MODES[mode];
    if (kind === void 0) throw new UnusualTreeError(`tree entry with mode ${mode}`);
    const name = data.subarray(sp + 1, nul);
    if (name.length === 0 || name.includes(47)) throw new UnusualTreeError("bad entry name");
    out.push({
      kind,
      name: Buffer.from(name),
      oid: data.toString("hex", nul + 1, nul + 1 + hashBytes)
    });
    i = nul + 1 + hashBytes;
  }
  return out;
}
function isAttributesName(name) {
  return name.length === 14 && name.toString("latin1").toLowerCase() === ".gitattributes";
}
function join2(dir, name) {
  return dir.length === 0 ? name : Buffer.concat([dir, SLASH3, name]);
}
var UnusualTreeError, MODES, SLASH3, TreeLister;
var init_tree_lister = __esm({
  "src/git/tree-lister.ts"() {
    "use strict";
    UnusualTreeError = class extends Error {
      name = "UnusualTreeError";
    };
    MODES = {
      "100644": "regular",
      "100755": "executable",
      "120000": "symlink",
      "40000": "tree",
      "160000": "gitlink"
    };
    SLASH3 = Buffer.from("/");
    TreeLister = class {
      constructor(batch, objectFormat) {
        this.batch = batch;
        this.hashBytes = objectFormat === "sha256" ? 32 : 20;
      }
      batch;
      /** Tree objects read. */
      treesRead = 0;
      hashBytes;
      /** The entries of a tree (any name cat-file takes); undefined if it is missing. */
      async readTree(name) {
        const r = await this.batch.readAll(name);
        if (r === void 0) return void 0;
        if (r.header.type !== "tree") throw new UnusualTreeError(`${name} is a ${r.header.type}`);
        this.treesRead++;
        return parseTree2(r.data, this.hashBytes);
      }
      /**
       * Lists `subdir` (slash-separated, '' for the root) of `commit`. Resolves
       * to undefined when the commit has no such directory; throws
       * UnusualTreeError for trees to leave to git, CatFileError when git fails.
       */
      async list(commit, subdir) {
        const root = await this.readTree(`${commit}^{tree}`);
        if (root === void 0) throw new UnusualTreeError(`commit ${commit} is missing`);
        const attributes = [];
        let entries = root;
        let dir = Buffer.alloc(0);
        for (const part of subdir === "" ? [] : subdir.split("/")) {
          const name = Buffer.from(part, "utf8");
          for (const e of entries) {
            if (isAttributesName(e.name)) attributes.push({ dir, ...e });
          }
          const next = entries.find((e) => e.name.equals(name));
          if (next === void 0 || next.kind !== "tree") return void 0;
          const sub = await this.readTree(next.oid);
          if (sub === void 0) throw new UnusualTreeError(`tree ${next.oid} is missing`);
          entries = sub;
          dir = join2(dir, name);
        }
        const listing = { files: [], dirs: [], gitlinks: [], attributes };
        await this.walk(entries, dir, Buffer.alloc(0), listing);
        return listing;
      }
      async walk(entries, fullDir, rel, out) {
        const subtrees = /* @__PURE__ */ new Map();
        for (const e of entries) if (e.kind === "tree") subtrees.set(e, this.readTree(e.oid));
        try {
          for (const e of entries) {
            if (isAttributesName(e.name)) out.attributes.push({ dir: fullDir, ...e });
            const p = join2(rel, e.name);
            if (e.kind === "tree") {
              out.dirs.push(p);
              const sub = await subtrees.get(e);
              if (sub === void 0) throw new UnusualTreeError(`tree ${e.oid} is missing`);
              await this.walk(sub, join2(fullDir, e.name), p, out);
            } else if (e.kind === "gitlink") {
              out.gitlinks.push(p);
            } else {
              out.files.push({ path: p, kind: e.kind, oid: e.oid });
            }
          }
        } finally {
          for (const p of subtrees.values()) p.catch(() => void 0);
        }
      }
    };
  }
});

// src/git/blob-reuse-repo.ts
import { rm as rm5 } from "node:fs/promises";
import path11 from "node:path";
async function closeAttributeSession(p) {
  const a = await p.catch(() => void 0);
  if (a === void 0) return;
  await a.check.close();
  await rm5(a.workTree, { recursive: true, force: true });
}
function plainSubdir(subdir) {
  if (subdir === "") return true;
  if (/[*?[\]\\\n\0]/.test(subdir) || subdir.startsWith(":")) return false;
  return plainPath(subdir);
}
function plainPath(p) {
  if (p.includes("\n") || p.includes("\0")) return false;
  return p.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}
async function pathAbsent(lister, commit, file) {
  try {
    let entries = await lister.readTree(`${commit}^{tree}`);
    const parts = file.split("/");
    for (const [i, part] of parts.entries()) {
      if (entries === void 0) return false;
      const name = Buffer.from(part, "utf8");
      const e = entries.find((x) => x.name.equals(name));
      if (e === void 0) return true;
      if (i === parts.length - 1) return false;
      if (e.kind !== "tree") return true;
      entries = await lister.readTree(e.oid);
    }
    return false;
  } catch {
    return false;
  }
}
function committerTime(data) {
  const end = data.indexOf("\n\n");
  const header = data.toString("utf8", 0, end < 0 ? data.length : end).split("\n");
  const lines = header.filter((l) => l.startsWith("committer "));
  if (lines.length !== 1) return void 0;
  const m = /> (\d{1,15}) [+-]\d{4}$/.exec(lines[0]);
  return m === null ? void 0 : Number(m[1]);
}
var ENTRY_OVERHEAD, TRAILER_OVERHEAD, ARCHIVE_PREFIX_LENGTH, BIG_FILE_THRESHOLD2, ATTRIBUTE_CHECKERS_KEPT, MAX_ATTRIBUTES_FILE, Fallback, BlobReuseRepo, SmallBlobs;
var init_blob_reuse_repo = __esm({
  "src/git/blob-reuse-repo.ts"() {
    "use strict";
    init_errors();
    init_go_string();
    init_temp_dirs();
    init_attr_check();
    init_blob_cache();
    init_cat_file_batch();
    init_git_repo();
    init_git_runner();
    init_tree_lister();
    ENTRY_OVERHEAD = 256;
    TRAILER_OVERHEAD = 1024;
    ARCHIVE_PREFIX_LENGTH = "prefix/".length;
    BIG_FILE_THRESHOLD2 = 512 << 20;
    ATTRIBUTE_CHECKERS_KEPT = 4;
    MAX_ATTRIBUTES_FILE = 1 << 20;
    Fallback = class extends Error {
      constructor(reason2) {
        super(reason2);
        this.reason = reason2;
      }
      reason;
    };
    BlobReuseRepo = class _BlobReuseRepo extends GitRepo {
      constructor(base, runner, options2 = {}) {
        super(base.dir, base.objectsDir, base.shallow, base.objectFormat, runner);
        this.options = options2;
      }
      options;
      /** Told how each listing was made (commit, subdirectory, source). */
      onListing;
      session;
      /** The session once started (for stats, which are synchronous). */
      sessionNow;
      closed = false;
      attributeSessions = /* @__PURE__ */ new Map();
      // go.mod files read by path while resolving a version (the listing that
      // follows needs the same bytes) and .gitattributes files, by blob id.
      smallBlobs = new SmallBlobs();
      attributeSessionCount = 0;
      attributeTrees = 0;
      counts = {
        fromObjects: 0,
        fromArchive: 0,
        attributePaths: 0,
        reasons: {},
        lastReadError: void 0
      };
      /** Opens the repository at `dir` (InputError as openRepo when it is not one). */
      static async open(dir, options2 = {}) {
        const runner = createGitRunner({ git: options2.git, env: options2.env });
        return new _BlobReuseRepo(await openRepo(dir, runner), runner, options2);
      }
      stats() {
        const s = this.sessionNow;
        return {
          fromObjects: this.counts.fromObjects,
          fromArchive: this.counts.fromArchive,
          fallbackReasons: { ...this.counts.reasons },
          ...this.counts.lastReadError === void 0 ? {} : { lastReadError: this.counts.lastReadError },
          blobsHashed: s?.blobs.blobsHashed ?? 0,
          bytesHashed: s?.blobs.bytesHashed ?? 0,
          digestHits: s?.blobs.hits ?? 0,
          treesRead: s?.lister.treesRead ?? 0,
          objectsRead: s?.batch.objectsRead ?? 0,
          attributeCheckers: this.attributeSessionCount,
          attributePaths: this.counts.attributePaths
        };
      }
      /** Stops every process and removes the scratch repository; later calls use plain git. */
      async close() {
        this.closed = true;
        const sessions = [...this.attributeSessions.values()];
        this.attributeSessions.clear();
        for (const p of sessions) await closeAttributeSession(p);
        const s = await this.session?.catch(() => void 0);
        this.session = void 0;
        this.sessionNow = void 0;
        if (s !== void 0) {
          await s.batch.close();
          await removeTempDir(s.root);
        }
      }
      open() {
        if (this.closed) return void 0;
        this.session ??= this.startSession().then((s) => this.sessionNow = s);
        return this.session;
      }
      async startSession() {
        const root = await makeTempDir("modseal-blobs-");
        try {
          const gitDir = path11.join(root, "git");
          await this.initScratchBare(gitDir);
          const batch = new CatFileBatch(gitDir, this.options);
          return {
            root,
            gitDir,
            batch,
            blobs: new BlobCache(batch),
            lister: new TreeLister(batch, this.objectFormat)
          };
        } catch (e) {
          await removeTempDir(root);
          throw e;
        }
      }
      async commit(hash) {
        const s = await this.open()?.catch(() => void 0);
        if (s === void 0 || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(hash)) return super.commit(hash);
        const r = await s.batch.readAll(hash).catch(() => void 0);
        const time = r !== void 0 && r.header.type === "commit" && r.header.oid === hash ? committerTime(r.data) : void 0;
        return time === void 0 ? super.commit(hash) : { hash, time };
      }
      async readBlob(commit, file) {
        const s = await this.open()?.catch(() => void 0);
        if (s === void 0 || !/^[0-9a-f]+$/.test(commit) || !plainPath(file)) {
          return super.readBlob(commit, file);
        }
        const r = await s.batch.readAll(`${commit}:${file}`).catch(() => null);
        if (r === null) return super.readBlob(commit, file);
        if (r !== void 0) {
          if (r.header.type !== "blob") return void 0;
          this.smallBlobs.set(r.header.oid, r.data);
          return r.data;
        }
        return await pathAbsent(s.lister, commit, file) ? void 0 : super.readBlob(commit, file);
      }
      async listArchive(commit, subdir, maxZipFile = MAX_ZIP_FILE) {
        try {
          const listing = await this.fromObjects(commit, subdir, maxZipFile);
          this.counts.fromObjects++;
          this.onListing?.(commit, subdir, "objects");
          return listing;
        } catch (e) {
          const reason2 = e instanceof Fallback ? e.reason : "read-error";
          if (!(e instanceof Fallback)) this.counts.lastReadError = errorMessage(e);
          this.counts.reasons[reason2] = (this.counts.reasons[reason2] ?? 0) + 1;
          this.counts.fromArchive++;
          this.onListing?.(commit, subdir, reason2);
          return super.listArchive(commit, subdir, maxZipFile);
        }
      }
      async fromObjects(commit, subdir, maxZipFile) {
        if (!plainSubdir(subdir)) throw new Fallback("pathspec");
        const session = this.open();
        if (session === void 0) throw new Error("closed");
        const s = await session;
        let tree;
        try {
          tree = await s.lister.list(commit, subdir);
        } catch (e) {
          if (e instanceof UnusualTreeError) throw new Fallback("unusual-tree");
          throw e;
        }
        if (tree === void 0) throw new Fallback("not-a-directory");
        const full = (rel) => subdir === "" ? rel : Buffer.concat([Buffer.from(subdir + "/", "utf8"), rel]);
        if (tree.attributes.length > 0) await this.requireNoConversion(s, tree, full);
        const digests = await Promise.all(tree.files.map((f) => s.blobs.digest(f.oid)));
        const subdirBytes = subdir === "" ? 0 : Buffer.byteLength(subdir, "utf8") + 1;
        let bound = TRAILER_OVERHEAD;
        const entry = (nameBytes, data) => {
          const growth = data > BIG_FILE_THRESHOLD2 ? Math.ceil(data / 1024) : 0;
          bound += ENTRY_OVERHEAD + 2 * (ARCHIVE_PREFIX_LENGTH + nameBytes) + data + growth;
        };
        entry(0, 0);
        if (subdir !== "") {
          let at = 0;
          for (const part of subdir.split("/")) {
            at += Buffer.byteLength(part, "utf8") + 1;
            entry(at, 0);
          }
        }
        for (const d of [...tree.dirs, ...tree.gitlinks]) entry(subdirBytes + d.length + 1, 0);
        tree.files.forEach((f, i) => entry(subdirBytes + f.path.length, digests[i]?.size ?? 0));
        if (!(bound <= maxZipFile)) throw new Fallback("size");
        const files2 = [];
        let goMod;
        for (const [i, f] of tree.files.entries()) {
          const d = digests[i];
          if (d === void 0) throw new Error("digest missing");
          const p = decodeGoString(f.path);
          const kind = f.kind === "symlink" ? "symlink" : "regular";
          if (kind === "regular" && p === "go.mod") {
            goMod = this.smallBlobs.get(f.oid) ?? await s.blobs.content(f.oid);
          }
          files2.push({ path: p, kind, size: d.size, sha256: d.sha256 });
        }
        return { files: files2, goMod, zipTooLarge: false };
      }
      /**
       * Throws a Fallback unless git says no attribute converts any regular file
       * of the listing (symbolic links are written as their target, unconverted).
       */
      async requireNoConversion(s, tree, full) {
        const exact = Buffer.from(".gitattributes");
        for (const a2 of tree.attributes) {
          if (!a2.name.equals(exact) || a2.kind !== "regular" && a2.kind !== "executable") {
            throw new Fallback("attributes-file");
          }
        }
        const key2 = tree.attributes.map((a2) => `${a2.dir.toString("hex")}:${a2.oid}`).sort().join(",");
        let session = this.attributeSessions.get(key2);
        if (session === void 0) {
          session = this.startAttributeSession(s, tree);
          this.attributeSessions.set(key2, session);
          this.attributeSessionCount++;
          while (this.attributeSessions.size > ATTRIBUTE_CHECKERS_KEPT) {
            const [oldKey, old] = this.attributeSessions.entries().next().value;
            this.attributeSessions.delete(oldKey);
            void closeAttributeSession(old);
          }
        }
        let a;
        try {
          a = await session;
        } catch {
          this.attributeSessions.delete(key2);
          throw new Fallback("attributes-file");
        }
        const verdicts = await Promise.all(
          tree.files.map((f) => {
            if (f.kind === "symlink") return Promise.resolve(true);
            const p = full(f.path);
            const id = p.toString("latin1");
            let verdict = a.verdicts.get(id);
            if (verdict === void 0) {
              this.counts.attributePaths++;
              verdict = a.check.check(p).then(keepsBlobBytes);
              a.verdicts.set(id, verdict);
            }
            return verdict;
          })
        ).catch((e) => {
          if (this.attributeSessions.get(key2) === session) {
            this.attributeSessions.delete(key2);
            void closeAttributeSession(session);
          }
          throw e;
        });
        if (verdicts.includes(false)) throw new Fallback("attributes");
      }
      async startAttributeSession(s, tree) {
        const files2 = [];
        for (const a of tree.attributes) {
          const content = this.smallBlobs.get(a.oid) ?? await s.blobs.content(a.oid, MAX_ATTRIBUTES_FILE);
          if (content === void 0) throw new Fallback("attributes-file");
          this.smallBlobs.set(a.oid, content);
          files2.push({ dir: a.dir, content });
        }
        const workTree = path11.join(s.root, `attributes-${++this.attributeTrees}`);
        try {
          await writeAttributesTree(workTree, files2);
        } catch (e) {
          await rm5(workTree, { recursive: true, force: true });
          throw e;
        }
        return {
          check: new AttrCheck(s.gitDir, workTree, this.options),
          workTree,
          verdicts: /* @__PURE__ */ new Map()
        };
      }
    };
    SmallBlobs = class {
      constructor(maxBlob = 64 << 10, budget = 4 << 20) {
        this.maxBlob = maxBlob;
        this.budget = budget;
      }
      maxBlob;
      budget;
      map = /* @__PURE__ */ new Map();
      bytes = 0;
      get(oid) {
        const b = this.map.get(oid);
        if (b !== void 0) {
          this.map.delete(oid);
          this.map.set(oid, b);
        }
        return b;
      }
      set(oid, b) {
        if (b.length > this.maxBlob || this.map.has(oid)) return;
        this.map.set(oid, b);
        this.bytes += b.length;
        for (const [k, v] of this.map) {
          if (this.bytes <= this.budget) break;
          this.map.delete(k);
          this.bytes -= v.length;
        }
      }
    };
  }
});

// src/modfetch/tree-hash.ts
var TreeHasher;
var init_tree_hash = __esm({
  "src/modfetch/tree-hash.ts"() {
    "use strict";
    init_blob_reuse_repo();
    init_pool();
    init_build_module();
    init_git_code_host();
    TreeHasher = class _TreeHasher {
      constructor(repo, code, concurrency) {
        this.repo = repo;
        this.code = code;
        this.concurrency = concurrency;
        repo.onListing = (commit, subdir, source) => this.sources.set(`${commit}:${subdir}`, source);
      }
      repo;
      code;
      concurrency;
      // How each (commit, directory) listing was made, for the results of hashVersions.
      sources = /* @__PURE__ */ new Map();
      running = 0;
      /** Opens the repository at `dir`; throws InputError as openRepo does. */
      static async open(dir, options2 = {}) {
        const repo = await BlobReuseRepo.open(dir, options2);
        const code = gitCodeHost(
          repo,
          options2.pretendTags === void 0 ? {} : { pretendTags: options2.pretendTags }
        );
        return new _TreeHasher(repo, code, Math.max(1, options2.concurrency ?? 8));
      }
      /** One version, exactly as buildModule builds it (file lists included). */
      build(req) {
        return buildModule(this.code, req);
      }
      /**
       * Hashes many versions, `concurrency` at a time, and returns their
       * hashes in the order asked (file lists are dropped as each finishes, so
       * memory does not grow with the files of each version). `each` sees every
       * result as soon as it is known.
       */
      async hashVersions(reqs, each) {
        const hashOne = async (req, i) => {
          const b = await this.build(req);
          const h = { modulePath: b.modulePath, version: b.version };
          if (b.commit !== void 0) h.commit = b.commit;
          if (b.dir !== void 0) h.dir = b.dir;
          if (b.goModSum !== void 0) h.goModSum = b.goModSum;
          if (b.sum !== void 0) h.sum = b.sum;
          if (b.error !== void 0) h.error = b.error;
          const source = b.commit === void 0 || b.dir === void 0 ? void 0 : this.sources.get(`${b.commit}:${b.dir}`);
          if (source !== void 0) h.listing = source;
          each?.(h, i);
          return h;
        };
        this.running++;
        try {
          return await mapLimit(reqs, this.concurrency, hashOne);
        } finally {
          if (--this.running === 0) this.sources.clear();
        }
      }
      /** Counters of the run so far: listings by source, blobs read, cache hits. */
      stats() {
        return this.repo.stats();
      }
      /** Stops git's processes and removes scratch folders. */
      close() {
        return this.repo.close();
      }
    };
  }
});

// src/wire/scan.ts
import { mkdir as mkdir5, readFile as readFile3, rename as rename4, writeFile as writeFile4 } from "node:fs/promises";
import os2 from "node:os";
import path12 from "node:path";
function defaultConcurrency() {
  return Math.max(2, Math.min(16, os2.availableParallelism() * 2));
}
async function readStateFile(file) {
  let text;
  try {
    text = await readFile3(file, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return emptyState();
    throw new InputError(`${file}: cannot read the state file (${errorMessage(e)})`);
  }
  return parseState(text, file);
}
async function writeStateFile(file, state) {
  await mkdir5(path12.dirname(path12.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile4(tmp, serializeState(state));
  await rename4(tmp, file);
}
function createScan(options2) {
  return async (req) => {
    const clock = options2.clock ?? systemClock;
    const timeoutMs = req.timeoutMs ?? DEFAULT_SCAN_TIMEOUT_MS;
    const deadline = clock.now() + timeoutMs;
    const env = effectiveEnv(req, options2.env ?? process.env);
    const entries = parseGoproxy(env.GOPROXY);
    const sumdb = parseGoSumdb(env.GOSUMDB);
    const state = req.stateFile === void 0 ? emptyState() : await readStateFile(req.stateFile);
    const repo = await openRepo(req.repoDir);
    const local = gitLocalRepo(repo);
    const concurrency = req.concurrency ?? defaultConcurrency();
    const http4 = await httpClient(options2, env, entries, req.proxyToken, {
      deadline,
      timeoutMs,
      clock
    });
    const workDir = await makeTempDir("modseal-scan-");
    const hasher = await TreeHasher.open(req.repoDir, { concurrency });
    try {
      const treeFile = path12.join(workDir, "sumdb-latest");
      const remembered = sumdb.off ? void 0 : state.trees.get(sumdb.name);
      if (remembered !== void 0) await writeFile4(treeFile, remembered.note);
      const remote = remoteSidesFor(options2, {
        env,
        entries,
        sumdb,
        http: http4,
        clock,
        workDir,
        sumdbCache: treeFile
      });
      const inFlight = req.concurrency ?? Math.max(concurrency, SCAN_REQUESTS_IN_FLIGHT);
      const outcome = await runScan(
        {
          state,
          concurrency: inFlight,
          ...req.modules !== void 0 ? { modules: req.modules } : {}
        },
        { local, hasher, ...remote, clock, logger: options2.logger }
      );
      if (!sumdb.off) {
        const note = await readFile3(treeFile, "utf8").catch(() => void 0);
        const m = note === void 0 ? null : TREE_NOTE.exec(note);
        if (note !== void 0 && m !== null) {
          state.trees.set(sumdb.name, { size: Number(m[1]), hash: m[2], note });
        }
      }
      if (req.stateFile !== void 0) await writeStateFile(req.stateFile, state);
      return { ...outcome, state };
    } finally {
      await hasher.close();
      await removeTempDir(workDir);
    }
  };
}
var DEFAULT_SCAN_TIMEOUT_MS, SCAN_REQUESTS_IN_FLIGHT, TREE_NOTE;
var init_scan = __esm({
  "src/wire/scan.ts"() {
    "use strict";
    init_run_scan();
    init_state();
    init_git();
    init_goproxy();
    init_errors();
    init_retry();
    init_temp_dirs();
    init_tree_hash();
    init_sumdb();
    init_local_repo();
    init_release2();
    init_remote();
    DEFAULT_SCAN_TIMEOUT_MS = 60 * 6e4;
    SCAN_REQUESTS_IN_FLIGHT = 16;
    TREE_NOTE = /^go\.sum database tree\n([0-9]+)\n([A-Za-z0-9+/]{43}=)\n/;
  }
});

// src/cli/scan-command.ts
var scan_command_exports = {};
__export(scan_command_exports, {
  makeScanCommand: () => makeScanCommand,
  scanCommand: () => scanCommand
});
import path13 from "node:path";
function parseConcurrency(text) {
  if (text === void 0) return void 0;
  const n = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > 256) {
    throw new InputError(
      `--concurrency ${JSON.stringify(text)}: must be a whole number from 1 to 256`
    );
  }
  return n;
}
function makeScanCommand(wiring = {}) {
  return async (argv, io) => {
    const values = parseFlags(
      "scan",
      USAGE4,
      {
        repo: { type: "string" },
        module: { type: "string", multiple: true },
        proxy: { type: "string" },
        sumdb: { type: "string" },
        concurrency: { type: "string" },
        state: { type: "string" },
        timeout: { type: "string" },
        json: { type: "boolean" }
      },
      argv,
      io,
      { goproxy: "proxy", gosumdb: "sumdb", "working-directory": "repo", "state-file": "state" }
    );
    if (typeof values === "number") return values;
    const settings = parseCheckSettings(
      { goproxy: values.proxy, gosumdb: values.sumdb, timeout: values.timeout },
      FLAG_NAMES
    );
    const concurrency = parseConcurrency(values.concurrency);
    const request = {
      repoDir: path13.resolve(io.cwd, values.repo ?? "."),
      ...settings.goproxy !== void 0 ? { goproxy: settings.goproxy } : {},
      ...settings.gosumdb !== void 0 ? { gosumdb: settings.gosumdb } : {},
      ...settings.proxyToken !== void 0 ? { proxyToken: settings.proxyToken } : {},
      ...values.timeout !== void 0 ? { timeoutMs: settings.timeoutMs } : {},
      ...concurrency !== void 0 ? { concurrency } : {},
      ...values.module !== void 0 && values.module.length > 0 ? { modules: values.module } : {}
    };
    if (values.state !== void 0) {
      request.stateFile = await checkOutputPath("--state", values.state, io.cwd, {
        createsFolders: true
      });
    }
    const human = values.json === true ? io.stderr : io.stdout;
    const logger = { info: (m) => io.stderr(`${m}
`), debug: () => void 0 };
    const scan = createScan({ ...wiring, logger, env: io.env });
    const run = await scan(request);
    human(renderScanText(run.report));
    if (values.json === true) io.stdout(renderScanJson(run.report));
    return exitCodeOf(run.report.verdict);
  };
}
var USAGE4, scanCommand;
var init_scan_command = __esm({
  "src/cli/scan-command.ts"() {
    "use strict";
    init_status();
    init_errors();
    init_scan_json();
    init_scan_text();
    init_wire();
    init_scan();
    init_flags();
    init_output_file();
    USAGE4 = `usage: modseal scan [--repo DIR] [--module PATH]... [--proxy LIST] [--sumdb SPEC]
                    [--concurrency N] [--state FILE] [--timeout DUR] [--json]

Checks every version of every module of the repository (or each --module):
the version tags, the mirror's versions and those named in retract
directives. Each tag's current commit is rebuilt and compared with the
checksum database's record and the mirror's zip. Nothing is published: a
version the mirror does not hold is reported unpublished without asking.
--state FILE remembers commits, hashes and the database's tree head between
runs (an unchanged tag is not rebuilt). --concurrency N sets how many rebuilds
and requests run at once; by default rebuilds follow the machine's cores and
up to 16 requests are in flight (the scan mostly waits on the network).

exit status: 0 ok (warnings: tag-missing, unpublished), 1 moved, invalid or
mirror-differs, 2 usage or input error (a damaged state file too),
3 inconclusive (something could not be asked)
`;
    scanCommand = makeScanCommand();
  }
});

// src/demo/demo-repo.ts
import { spawn as spawn3 } from "node:child_process";
import { mkdir as mkdir6, writeFile as writeFile5 } from "node:fs/promises";
import path14 from "node:path";
function runGit(dir, args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn3("git", args, {
      cwd: dir,
      // isolatedGitEnv drops every GIT_* variable of the caller; the identity
      // and date are added back on top, as ours.
      env: { ...isolatedGitEnv(process.env), ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"]
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.on(
      "error",
      (e) => reject(new Error(`cannot run git (is it installed and on PATH?): ${e.message}`))
    );
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8").trim());
      else {
        const msg = Buffer.concat(err).toString("utf8").trim();
        reject(new Error(`git ${args.join(" ")} exited with status ${String(code)}: ${msg}`));
      }
    });
  });
}
var IDENTITY, DemoRepo;
var init_demo_repo = __esm({
  "src/demo/demo-repo.ts"() {
    "use strict";
    init_git_runner();
    IDENTITY = { name: "Demo Maintainer", email: "maintainer@example.com" };
    DemoRepo = class _DemoRepo {
      constructor(dir) {
        this.dir = dir;
      }
      dir;
      /** Creates an empty repository with branch `main` in `dir` (which must not hold one). */
      static async init(dir) {
        await mkdir6(dir, { recursive: true });
        await runGit(dir, ["init", "--quiet", "--initial-branch=main"]);
        return new _DemoRepo(dir);
      }
      /** Writes files (path → content) into the work tree. */
      async write(files2) {
        for (const [name, content] of Object.entries(files2)) {
          const file = path14.join(this.dir, ...name.split("/"));
          await mkdir6(path14.dirname(file), { recursive: true });
          await writeFile5(file, content);
        }
      }
      /** Commits every change at `isoDate`; returns the commit hash. */
      async commit(message, isoDate) {
        const env = {
          GIT_AUTHOR_NAME: IDENTITY.name,
          GIT_AUTHOR_EMAIL: IDENTITY.email,
          GIT_AUTHOR_DATE: isoDate,
          GIT_COMMITTER_NAME: IDENTITY.name,
          GIT_COMMITTER_EMAIL: IDENTITY.email,
          GIT_COMMITTER_DATE: isoDate
        };
        await runGit(this.dir, ["add", "--all"]);
        await runGit(this.dir, ["commit", "--quiet", "--no-verify", "-m", message], env);
        return runGit(this.dir, ["rev-parse", "HEAD"]);
      }
      /** Points lightweight tag `name` at HEAD, replacing it if it exists (what a moved tag is). */
      async tag(name) {
        await runGit(this.dir, ["tag", "--force", name, "HEAD"]);
      }
    };
  }
});

// src/goproxy/server.ts
import http2 from "node:http";
import path15 from "node:path";
import { Readable as Readable2 } from "node:stream";
function notFound(res, body) {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end(body);
}
async function startMirrorServer(opts) {
  const requests = [];
  const sumdbNames = /* @__PURE__ */ new Set();
  const serve = async (req, res) => {
    let rel = (req.url ?? "/").split("?")[0] ?? "/";
    try {
      rel = decodeURIComponent(rel);
    } catch {
      res.writeHead(400).end("bad escape");
      return;
    }
    rel = rel.replace(/^\/+/, "");
    const sumdb = /^sumdb\/(.+)\/supported$/.exec(rel);
    if (sumdb !== null) {
      if (sumdbNames.has(sumdb[1] ?? "")) res.writeHead(200).end();
      else notFound(res, "not found");
      return;
    }
    let cachedOnly2 = false;
    if (rel.startsWith("cached-only/")) {
      cachedOnly2 = true;
      rel = rel.slice("cached-only/".length);
    }
    const extra = await opts.intercept?.({ rel, cachedOnly: cachedOnly2, res });
    if (extra === "handled") return;
    const file = await opts.store.get(rel);
    if (file === void 0) {
      notFound(res, `not found: ${rel}`);
      return;
    }
    res.writeHead(200, {
      "content-type": contentTypes[path15.posix.extname(rel)] ?? "text/plain; charset=utf-8",
      "content-length": String(file.size),
      ...extra
    });
    const body = file.open();
    body.on("error", () => res.destroy());
    body.pipe(res);
  };
  const server = http2.createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 1e3;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const port = server.address().port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    sumdbNames,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}
var MemoryMirrorStore, contentTypes;
var init_server = __esm({
  "src/goproxy/server.ts"() {
    "use strict";
    init_deps();
    MemoryMirrorStore = class {
      files = /* @__PURE__ */ new Map();
      versions = /* @__PURE__ */ new Map();
      /** Adds module@version; later calls for the same version replace the files. */
      publish(modulePath2, version, files2) {
        const dir = `${escapePath(modulePath2)}/@v`;
        const v = escapeVersion(version);
        this.files.set(`${dir}/${v}.info`, Buffer.from(files2.info));
        this.files.set(`${dir}/${v}.mod`, Buffer.from(files2.mod));
        this.files.set(`${dir}/${v}.zip`, files2.zip);
        const list = this.versions.get(modulePath2) ?? [];
        if (!list.includes(version)) list.push(version);
        list.sort(compare);
        this.versions.set(modulePath2, list);
        this.files.set(`${dir}/list`, Buffer.from(list.map((x) => `${x}
`).join("")));
      }
      get(rel) {
        const body = this.files.get(rel);
        if (body === void 0) return Promise.resolve(void 0);
        return Promise.resolve({ size: body.length, open: () => Readable2.from([body]) });
      }
    };
    contentTypes = {
      ".info": "application/json",
      ".mod": "text/plain; charset=utf-8",
      ".zip": "application/zip"
    };
  }
});

// src/demo/publish.ts
import { Writable } from "node:stream";
async function publishTag(repoDir, tag, originUrl, mirror, sumdb) {
  const repo = await openRepo(repoDir);
  const { tags } = await repo.refs();
  const commit = tags.get(tag);
  if (commit === void 0) throw new Error(`tag ${tag} does not exist in ${repoDir}`);
  const host = gitCodeHost(repo);
  const inferred = await inferModuleFromTag(host, commit, tag);
  const built = await buildModule(host, {
    modulePath: inferred.modulePath,
    codeRoot: inferred.codeRoot,
    query: tag
  });
  if (built.error !== void 0 || built.goMod === void 0 || built.commit === void 0) {
    throw new Error(`cannot build ${inferred.modulePath}@${tag}: ${built.error ?? "no go.mod"}`);
  }
  const chunks = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk);
      done();
    }
  });
  await writeBuiltModuleZip(repo, host, inferred.codeRoot, built, sink);
  const info = {
    Version: built.version,
    Time: built.time,
    Origin: { VCS: "git", URL: originUrl, Ref: `refs/tags/${tag}`, Hash: built.commit }
  };
  mirror.publish(built.modulePath, built.version, {
    info: JSON.stringify(info),
    mod: built.goMod,
    zip: Buffer.concat(chunks)
  });
  const goSum = goSumLines(built);
  await sumdb.add(built.modulePath, built.version, goSum.map((l) => `${l}
`).join(""));
  return { modulePath: built.modulePath, version: built.version, commit: built.commit, goSum };
}
var init_publish = __esm({
  "src/demo/publish.ts"() {
    "use strict";
    init_git();
    init_modfetch();
  }
});

// src/sumdb/server.ts
import http3 from "node:http";
function verifierKeyFor(signerKey) {
  const s = parseSignerKey(signerKey);
  const data = decodeStdBase64(signerKey.split("+").slice(4).join("+"));
  if (data === void 0) throw new Error("malformed signer key");
  return signerKeyFromSeed(s.name, data.subarray(1)).vkey;
}
function startChecksumDatabase(opts = {}) {
  return new ChecksumDatabase(opts).listen();
}
var RecordLog, MOD_VER_RE, NOTE_TYPE, ChecksumDatabase;
var init_server2 = __esm({
  "src/sumdb/server.ts"() {
    "use strict";
    init_module();
    init_encoding();
    init_note();
    init_tile();
    init_tlog_note();
    init_tlog();
    RecordLog = class _RecordLog {
      records = [];
      hashes = [];
      /** `path@version` → record id. */
      ids = /* @__PURE__ */ new Map();
      readHashes(indexes) {
        return indexes.map((i) => {
          const h = this.hashes[i];
          if (!h) throw Object.assign(new Error(`hash ${i} not stored`), { code: "ENOENT" });
          return h;
        });
      }
      /** Appends a record under `key`; returns its id. */
      async append(key2, text) {
        const id = this.records.length;
        const hashes = await storedHashesForRecordHash(id, recordHash(text), this);
        this.records.push(text);
        this.hashes.push(...hashes);
        this.ids.set(key2, id);
        return id;
      }
      /** A log holding only the first n records of this one. */
      copyPrefix(n) {
        const l = new _RecordLog();
        l.records = this.records.slice(0, n);
        l.hashes = this.hashes.slice(0, storedHashCount(n));
        for (const [k, id] of this.ids) if (id < n) l.ids.set(k, id);
        return l;
      }
    };
    MOD_VER_RE = /^[^@]+@v[0-9]+\.[0-9]+\.[0-9]+(-[^@]*)?(\+incompatible)?$/;
    NOTE_TYPE = "text/plain; charset=UTF-8";
    ChecksumDatabase = class {
      name;
      signerKey;
      verifierKey;
      tileHeight;
      /** Every request path, in order. */
      requests = [];
      log = new RecordLog();
      server;
      origin = "";
      constructor(opts = {}) {
        if (opts.signerKey !== void 0 && opts.signerKey !== "") {
          this.signerKey = opts.signerKey;
          this.name = parseSignerKey(opts.signerKey).name;
          this.verifierKey = verifierKeyFor(opts.signerKey);
        } else {
          this.name = opts.name ?? "sumdb.modseal.test";
          const k = generateKey(this.name);
          this.signerKey = k.skey;
          this.verifierKey = k.vkey;
        }
        this.tileHeight = opts.tileHeight ?? 8;
      }
      /** Base URL (`http://127.0.0.1:PORT`), as the URL part of GOSUMDB. */
      get url() {
        return this.origin;
      }
      /** The GOSUMDB value that points the go command (and modseal) here. */
      get gosumdb() {
        return `${this.verifierKey} ${this.origin}`;
      }
      /** Number of records in the log. */
      get size() {
        return this.log.records.length;
      }
      /** Adds (or finds) the record for path@version; returns its id. */
      async add(path17, version, text) {
        const key2 = `${path17}@${version}`;
        const id = this.log.ids.get(key2);
        if (id !== void 0) return id;
        return this.log.append(key2, Buffer.from(text));
      }
      /** The signed note for the current tree. */
      async signed() {
        return this.signTree(this.log.records.length);
      }
      /** Signs the tree of the first `size` records with `signerKey` (default the database's). */
      async signTree(size, signerKey = this.signerKey) {
        const text = formatTree({ n: size, hash: await treeHash(size, this.log) });
        return signNote(text, [parseSignerKey(signerKey)]);
      }
      /** Starts listening on 127.0.0.1; resolves once the port is known. */
      async listen() {
        const server = http3.createServer((req, res) => {
          const url = req.url ?? "/";
          this.answer(url).catch((e) => ({ status: 500, body: `${String(e)}
` })).then((a) => {
            res.writeHead(a.status, { "content-type": a.type ?? "text/plain; charset=utf-8" });
            res.end(a.body);
          }).catch(() => res.destroy());
        });
        server.keepAliveTimeout = 1e3;
        await new Promise((resolve, reject) => {
          server.once("error", reject);
          server.listen(0, "127.0.0.1", resolve);
        });
        this.server = server;
        this.origin = `http://127.0.0.1:${server.address().port}`;
        return this;
      }
      /** Stops the server and drops open connections. */
      async close() {
        const server = this.server;
        if (!server) return;
        this.server = void 0;
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve()));
      }
      /** Answers one request target (path and query) as x/mod's sumdb server does. */
      async answer(rawUrl) {
        const p = this.route(new URL(rawUrl, "http://x").pathname);
        if (typeof p !== "string") return p;
        if (p.startsWith("/lookup/")) return this.lookup(p.slice("/lookup/".length));
        if (p === "/latest") return { status: 200, body: await this.signed(), type: NOTE_TYPE };
        if (p.startsWith("/tile/")) return this.tile(p.slice(1));
        return { status: 404, body: "404 page not found\n" };
      }
      /** Logs the request; subclasses may answer it early or rewrite its path. */
      route(pathname) {
        this.requests.push(pathname);
        return pathname;
      }
      /** The record text for a key the log lacks; undefined means not found. */
      missing(_path, _version) {
        return void 0;
      }
      /** The record text as served in a lookup. */
      servedRecord(text) {
        return text;
      }
      /** Whether an existing tile is served (a real server may drop superseded partial tiles). */
      serveTile(_t, _levelSize) {
        return true;
      }
      /** Hash-tile bytes as served; may be changed in place. */
      servedTileData(_tilePath, _data) {
      }
      async lookup(mod) {
        if (!MOD_VER_RE.test(mod)) return { status: 400, body: "invalid module@version syntax\n" };
        const i = mod.indexOf("@");
        let path17;
        let vers;
        try {
          path17 = unescapePath(mod.slice(0, i));
          vers = unescapeVersion(mod.slice(i + 1));
        } catch (e) {
          return { status: 500, body: `${e.message}
` };
        }
        const key2 = `${path17}@${vers}`;
        let id = this.log.ids.get(key2);
        if (id === void 0) {
          const text2 = this.missing(path17, vers);
          if (text2 === void 0) return { status: 404, body: `not found: ${key2}
` };
          id = await this.log.append(key2, Buffer.from(text2));
        }
        const text = this.servedRecord(this.log.records[id].toString("utf8"));
        const body = Buffer.concat([formatRecord(id, text), await this.signed()]);
        return { status: 200, body, type: NOTE_TYPE };
      }
      async tile(tilePath2) {
        let t;
        try {
          t = parseTilePath(tilePath2);
        } catch {
          return { status: 400, body: "invalid tile syntax\n" };
        }
        const h = t.h;
        const levelSize = Math.floor(this.log.records.length / 2 ** (h * Math.max(t.l, 0)));
        const end = t.n * 2 ** h + t.w;
        if (end > levelSize || !this.serveTile(t, levelSize)) {
          return { status: 404, body: `tile ${tilePath2} not found
` };
        }
        if (t.l === -1) {
          const start = t.n * 2 ** h;
          const parts = this.log.records.slice(start, start + t.w).map((r) => Buffer.concat([r, Buffer.from("\n")]));
          return { status: 200, body: Buffer.concat(parts), type: NOTE_TYPE };
        }
        const data = await readTileData(t, this.log);
        this.servedTileData(tilePath2, data);
        return { status: 200, body: data, type: "application/octet-stream" };
      }
    };
  }
});

// src/demo/run-demo.ts
import { mkdtemp as mkdtemp2, rm as rm6 } from "node:fs/promises";
import os3 from "node:os";
import path16 from "node:path";
function expectReport(report, when, want) {
  if (want === "pass" && report.verdict === "pass") return;
  if (want === "tag-moved" && report.verdict === "fail" && report.findings.some((f) => f.code === "tag-moved") && report.diff?.changed.some((c) => c.name === CHANGED_FILE) === true) {
    return;
  }
  const wanted = want === "pass" ? "PASS" : "FAIL with tag-moved and a diff of " + CHANGED_FILE;
  throw new Error(`${when}: expected ${wanted}, got:
${renderText(report)}`);
}
async function runDemo(io, options2 = {}) {
  const out = (s = "") => io.stdout(`${s}
`);
  const log = [];
  const outcome = { asExpected: false };
  const root = await mkdtemp2(path16.join(options2.tmpDir ?? os3.tmpdir(), "modseal-demo-"));
  let mirror;
  let sumdb;
  try {
    const repo = await DemoRepo.init(path16.join(root, "hello"));
    await repo.write(files);
    const first = await repo.commit("hello: first release", "2024-03-01T12:00:00Z");
    await repo.tag(TAG);
    out(`modseal demo: the release gate, offline, against a throwaway repository`);
    out();
    out(`1. A maintainer tags ${TAG} of ${MODULE} (commit ${first.slice(0, 12)}) in`);
    out(`   ${repo.dir}`);
    const store = new MemoryMirrorStore();
    mirror = await startMirrorServer({ store });
    sumdb = await startChecksumDatabase({ name: "sum.demo.modseal.test" });
    const published = await publishTag(repo.dir, TAG, `https://${MODULE}`, store, sumdb);
    out();
    out(`2. Someone runs \`go get ${MODULE}@${TAG}\`: the module mirror (${mirror.url})`);
    out(`   keeps the zip and the checksum database (${sumdb.url}) signs its hashes:`);
    for (const l of published.goSum) out(`     ${l}`);
    const env = {
      GOPROXY: mirror.url,
      GOSUMDB: sumdb.gosumdb,
      GOPRIVATE: "",
      GONOPROXY: "",
      GONOSUMDB: "",
      GOINSECURE: "",
      GOFLAGS: "",
      NETRC: ""
    };
    const check2 = createReleaseCheck({
      logger: { info: (m) => void log.push(m), debug: () => void 0 },
      env,
      cachedOnlyHosts: [new URL(mirror.url).host]
    });
    const request = {
      repoDir: repo.dir,
      tag: TAG,
      warm: true,
      warmTimeoutMs: 5e3
    };
    outcome.first = await check2(request);
    expectReport(outcome.first, "the first run", "pass");
    out();
    out(`3. The release gate runs on the tag push: the mirror and the database hold`);
    out(`   exactly what the tag points at.`);
    out(`   ${renderText(outcome.first).split("\n")[0] ?? ""}`);
    await repo.write({ [CHANGED_FILE]: fixedHello });
    const second = await repo.commit("hello: trim the name", "2024-03-02T09:30:00Z");
    await repo.tag(TAG);
    outcome.second = await check2(request);
    expectReport(outcome.second, "the second run", "tag-moved");
    out();
    out(`4. A quick fix lands and the tag is moved: \`git tag -f ${TAG}\` onto`);
    out(`   commit ${second.slice(0, 12)}. The gate runs again and fails; this is the report`);
    out(`   the maintainer sees (exit status 1 from \`modseal verify\`):`);
    out();
    out("-".repeat(78));
    io.stdout(renderText(outcome.second));
    out("-".repeat(78));
    out();
    out(`What happened: the mirror and the checksum database keep the first bytes of`);
    out(`${TAG} forever. Users who fetch through the mirror keep getting the old`);
    out(`${CHANGED_FILE}; anyone fetching the tag directly gets the new one and`);
    out(`"verifying module: checksum mismatch ... SECURITY ERROR". Moving the tag back`);
    out(`is safe only if nobody fetched the new commit; the fix that always works is a`);
    out(
      `new version (${outcome.second.remedy?.nextVersion ?? "the next patch version"}) with a \`retract ${TAG}\` line in go.mod, as the report says.`
    );
    outcome.asExpected = true;
  } catch (e) {
    io.stderr(`modseal demo: the demo itself broke: ${errorMessage(e)}
`);
    if (log.length > 0) io.stderr(`gate log:
${log.map((l) => `  ${l}
`).join("")}`);
  } finally {
    await Promise.allSettled([mirror?.close(), sumdb?.close()]);
    await rm6(root, { recursive: true, force: true });
  }
  if (outcome.asExpected) {
    out();
    out(`The second run failing is the expected outcome: the demo worked. It ran on`);
    out(`127.0.0.1 without a Go toolchain; its servers are closed and its files removed.`);
  }
  return outcome;
}
var MODULE, TAG, CHANGED_FILE, LICENSE, files, fixedHello;
var init_run_demo = __esm({
  "src/demo/run-demo.ts"() {
    "use strict";
    init_errors();
    init_text2();
    init_wire();
    init_demo_repo();
    init_server();
    init_publish();
    init_server2();
    MODULE = "example.com/hello";
    TAG = "v1.0.0";
    CHANGED_FILE = "hello.go";
    LICENSE = `Copyright (c) 2024 Demo Maintainer

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software, to deal in the software without restriction.
`;
    files = {
      "go.mod": `module ${MODULE}

go 1.21
`,
      LICENSE,
      "README.md": `# hello

A module that greets.
`,
      [CHANGED_FILE]: `// Package hello greets.
package hello

// Greeting returns the greeting for name.
func Greeting(name string) string {
	return "Hello, " + name + "!"
}
`,
      "hello_test.go": `package hello

import "testing"

func TestGreeting(t *testing.T) {
	if got := Greeting("Gopher"); got != "Hello, Gopher!" {
		t.Fatalf("Greeting = %q", got)
	}
}
`
    };
    fixedHello = `// Package hello greets.
package hello

import "strings"

// Greeting returns the greeting for name.
func Greeting(name string) string {
	return "Hello, " + strings.TrimSpace(name) + "!"
}
`;
  }
});

// src/cli/demo-command.ts
var demo_command_exports = {};
__export(demo_command_exports, {
  demoCommand: () => demoCommand
});
var USAGE5, demoCommand;
var init_demo_command = __esm({
  "src/cli/demo-command.ts"() {
    "use strict";
    init_run_demo();
    init_io();
    USAGE5 = `usage: modseal demo

Creates a throwaway git repository, publishes its v1.0.0 to a mirror and a
checksum database on 127.0.0.1, runs the release gate (it passes), moves the
tag, runs the gate again and prints the report a maintainer would see. Needs
git, no Go toolchain and no network. Exits 0 when the demo behaved as
expected (the second run failing is the expected outcome).
`;
    demoCommand = async (argv, io) => {
      if (argv.length === 1 && (argv[0] === "--help" || argv[0] === "-h")) {
        io.stdout(USAGE5);
        return EXIT_PASS;
      }
      if (argv.length > 0) {
        io.stderr(`modseal demo: unexpected arguments: ${argv.join(" ")}

${USAGE5}`);
        return EXIT_INPUT;
      }
      const outcome = await runDemo(io);
      return outcome.asExpected ? EXIT_PASS : EXIT_FAIL;
    };
  }
});

// src/cli/main.ts
init_errors();
init_temp_dirs();
init_flags();
init_io();
init_version();
import os4 from "node:os";
var USAGE6 = `usage: modseal <command> [flags]
       modseal --version

commands:
  hash     print the go.sum lines Go would record for a tagged commit
  verify   check a tag against the Go module mirror and checksum database
  lint     check a revision's modules before a release is tagged (pull requests)
  scan     check every published version of every module against its tag (schedules)
  demo     run the release gate offline against a throwaway repository

Run 'modseal <command> --help' for the flags of a command.

exit status: 0 pass, 1 fail, 2 usage, input or internal error,
3 inconclusive, 130/143 interrupted (SIGINT/SIGTERM)
`;
var commands = {
  hash: async () => (await Promise.resolve().then(() => (init_hash_command(), hash_command_exports))).hashCommand,
  verify: async () => (await Promise.resolve().then(() => (init_verify_command(), verify_command_exports))).verifyCommand,
  lint: async () => (await Promise.resolve().then(() => (init_lint_command(), lint_command_exports))).lintCommand,
  scan: async () => (await Promise.resolve().then(() => (init_scan_command(), scan_command_exports))).scanCommand,
  demo: async () => (await Promise.resolve().then(() => (init_demo_command(), demo_command_exports))).demoCommand
};
var ERROR_SCHEMA = "modseal.error/v1";
function reportError(command, args, e, io) {
  const message = oneLine(errorMessage(e));
  const line = e instanceof UsageError ? `modseal ${e.command}: ${message} (run 'modseal ${e.command} --help' for its flags)` : e instanceof InputError ? `modseal: ${message}` : (
    // Not the user's doing: our bug or the machine's trouble, still one line.
    `modseal: internal error: ${message}`
  );
  io.stderr(`${line}
`);
  const end = args.indexOf("--");
  if ((end < 0 ? args : args.slice(0, end)).includes("--json")) {
    const doc = {
      schema: ERROR_SCHEMA,
      ...command === void 0 ? {} : { command },
      error: line.replace(/^modseal( \S+)?: /, ""),
      code: errorCode(e),
      exitCode: EXIT_INPUT
    };
    io.stdout(JSON.stringify(doc, null, 2) + "\n");
  }
  return EXIT_INPUT;
}
async function runCli(argv, io) {
  const [name, ...rest] = argv;
  if (name === "--version") {
    io.stdout(`modseal ${modsealVersion()}
`);
    return EXIT_PASS;
  }
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    (name === void 0 ? io.stderr : io.stdout)(USAGE6);
    return name === void 0 ? EXIT_INPUT : EXIT_PASS;
  }
  const load = commands[name];
  if (load === void 0) {
    const flag = name.startsWith("-") ? "flag" : "command";
    io.stderr(`modseal: unknown ${flag} ${JSON.stringify(name)}

${USAGE6}`);
    return EXIT_INPUT;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    return reportError(name, rest, e, io);
  }
}
async function main() {
  const argv = process.argv.slice(2);
  const [command, ...args] = argv;
  let stdoutGone = false;
  const io = {
    stdout: (s) => void (stdoutGone || process.stdout.write(s)),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    cwd: process.cwd()
  };
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") stdoutGone = true;
    else fatal(e);
  });
  const fatal = (e) => {
    cleanUpNow();
    reportError(command, args, e, io);
    process.exit(EXIT_INPUT);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
  for (const [signal, status] of [
    ["SIGINT", EXIT_SIGINT],
    ["SIGTERM", EXIT_SIGTERM]
  ]) {
    process.on(signal, () => {
      const left = cleanUpNow();
      const note = left.length === 0 ? "temporary files removed" : `could not remove ${left.join(", ")}`;
      process.stderr.write(`modseal: interrupted (${signal}); ${note}
`);
      process.exit(status);
    });
  }
  let root;
  try {
    root = await makeTempDir("modseal-");
  } catch (e) {
    const where2 = os4.tmpdir();
    process.exitCode = reportError(
      command,
      args,
      new InputError(
        `cannot create a temporary folder in ${where2} (${errorMessage(e)}): set TMPDIR to a writable folder`
      ),
      io
    );
    return;
  }
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = root;
  try {
    process.exitCode = await runCli(argv, io);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === void 0) delete process.env[k];
      else process.env[k] = v;
    }
    await removeTempDir(root);
  }
}
var isMain = process.argv[1] !== void 0 && import.meta.url.endsWith("/cli.js");
if (isMain || process.env.MODSEAL_CLI_MAIN === "1") await main();
export {
  ERROR_SCHEMA,
  reportError,
  runCli
};
