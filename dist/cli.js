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
function errorMessage(e) {
  if (e instanceof Error) return e.message;
  return String(e);
}
function oneLine(text) {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "").join("; ");
}
var InputError;
var init_errors = __esm({
  "src/internal/errors.ts"() {
    "use strict";
    InputError = class extends Error {
      name = "InputError";
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
      var mv = 0;
      var sc = n;
      var i = n;
      while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
      }
      for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= (eq & pv) + pv ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) {
          sc++;
        }
        if (pv & lst) {
          sc--;
        }
        mv = mv << 1 | 1;
        pv = pv << 1 | ~(xv | mv);
        mv &= xv;
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
      var mv = 0;
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
        var xv = eq | mv;
        var xh = ((eq | mb) & pv) + pv ^ pv | eq | mb;
        var ph = mv | ~(xh | pv);
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
        mv = ph & xv;
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
    };
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
        kill: () => void child.kill("SIGKILL")
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
      async withBareRepo(fn) {
        const bare = await makeTempDir("modseal-archive-");
        try {
          const init = await this.git.run(
            ["init", "--bare", "-q", `--object-format=${this.objectFormat}`, bare],
            { cwd: bare }
          );
          if (init.code !== 0) throw new Error(`git init: ${oneLine(init.stderr.toString("utf8"))}`);
          await mkdir(path2.join(bare, "objects", "info"), { recursive: true });
          await writeFile(path2.join(bare, "objects", "info", "alternates"), this.objectsDir + "\n");
          await mkdir(path2.join(bare, "info"), { recursive: true });
          await writeFile(path2.join(bare, "info", "attributes"), ARCHIVE_ATTRIBUTES);
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
function moduleErrorText(path12, version, err) {
  if (err instanceof InvalidVersionError) {
    return `${path12}@${err.version}: invalid ${err.noun}: ${err.err.message}`;
  }
  if (version !== "") return `${path12}@${version}: ${err.message}`;
  return `module ${path12}: ${err.message}`;
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
      constructor(path12, version, err) {
        super(moduleErrorText(path12, version, err));
        this.path = path12;
        this.version = version;
        this.err = err;
      }
    };
    InvalidPathError = class extends Error {
      name = "InvalidPathError";
      kind;
      path;
      err;
      constructor(kind, path12, err) {
        super(`malformed ${kind} path ${goQuote(path12)}: ${err.message}`);
        this.kind = kind;
        this.path = path12;
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
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      if (singleCodePoint(upper) === void 0) {
        const same2 = sameFullUpper.get(upper);
        if (same2 === void 0) sameFullUpper.set(upper, [cp]);
        else same2.push(cp);
      }
      const candidates = [lower, upper, upper.toLowerCase(), lower.toUpperCase()];
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
function isBadWindowsName(short) {
  if (short.length < 3 || short.length > 8) return false;
  if (!/[^\x20-\x7e]/.test(short)) return BAD_WINDOWS_UPPER.has(short.toUpperCase());
  return BAD_WINDOWS_NAMES.some((bad) => equalFold(bad, short));
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
  const short = dot >= 0 ? elem.slice(0, dot) : elem;
  if (isBadWindowsName(short)) {
    return new Error(`${goQuote(short)} disallowed as path element component on Windows`);
  }
  if (kind === "file") return void 0;
  const tilde = short.lastIndexOf("~");
  if (tilde >= 0 && tilde < short.length - 1 && /^[0-9]+$/.test(short.slice(tilde + 1))) {
    return new Error("trailing tilde and digits in path element");
  }
  return void 0;
}
function checkPathText(path12, kind) {
  if (!isValidUtf8GoString(path12)) return new Error("invalid UTF-8");
  if (path12 === "") return new Error("empty string");
  if (path12[0] === "-" && kind !== "file") return new Error("leading dash");
  if (path12.includes("//")) return new Error("double slash");
  if (path12.endsWith("/")) return new Error("trailing slash");
  for (const elem of path12.split("/")) {
    const err = checkElem(elem, kind);
    if (err !== void 0) return err;
  }
  return void 0;
}
function checkPath(path12) {
  const reason2 = checkModulePath(path12);
  return reason2 === void 0 ? void 0 : new InvalidPathError("module", path12, reason2);
}
function checkModulePath(path12) {
  const err = checkPathText(path12, "module");
  if (err !== void 0) return err;
  let i = path12.indexOf("/");
  if (i < 0) i = path12.length;
  if (i === 0) return new Error("leading slash");
  const first = path12.slice(0, i);
  if (!first.includes(".")) return new Error("missing dot in first path element");
  if (path12[0] === "-") return new Error("leading dash in first path element");
  for (const ch of first) {
    const cp = ch.codePointAt(0);
    if (!firstPathOK(cp)) return new Error(`invalid char ${goQuoteRune(cp)} in first path element`);
  }
  if (!splitPathVersion(path12).ok) return new Error("invalid version");
  return void 0;
}
function checkFilePath(path12) {
  const err = checkPathText(path12, "file");
  return err === void 0 ? void 0 : new InvalidPathError("file", path12, err);
}
function checkFileElem(elem) {
  return checkElem(elem, "file");
}
function isAsciiDigit(c) {
  return c !== void 0 && c >= "0" && c <= "9";
}
function splitPathVersion(path12) {
  if (path12.startsWith("gopkg.in/")) return splitGopkgIn(path12);
  let i = path12.length;
  let dot = false;
  while (i > 0 && (isAsciiDigit(path12[i - 1]) || path12[i - 1] === ".")) {
    if (path12[i - 1] === ".") dot = true;
    i--;
  }
  if (i <= 1 || i === path12.length || path12[i - 1] !== "v" || path12[i - 2] !== "/") {
    return { prefix: path12, pathMajor: "", ok: true };
  }
  const prefix = path12.slice(0, i - 2);
  const pathMajor = path12.slice(i - 2);
  if (dot || pathMajor.length <= 2 || pathMajor[2] === "0" || pathMajor === "/v1") {
    return { prefix: path12, pathMajor: "", ok: false };
  }
  return { prefix, pathMajor, ok: true };
}
function splitGopkgIn(path12) {
  if (!path12.startsWith("gopkg.in/")) return { prefix: path12, pathMajor: "", ok: false };
  let i = path12.length;
  if (path12.endsWith("-unstable")) i -= "-unstable".length;
  while (i > 0 && isAsciiDigit(path12[i - 1])) i--;
  if (i <= 1 || path12[i - 1] !== "v" || path12[i - 2] !== ".") {
    return { prefix: path12, pathMajor: "", ok: false };
  }
  const prefix = path12.slice(0, i - 2);
  const pathMajor = path12.slice(i - 2);
  if (pathMajor.length <= 2 || pathMajor[2] === "0" && pathMajor !== ".v0") {
    return { prefix: path12, pathMajor: "", ok: false };
  }
  return { prefix, pathMajor, ok: true };
}
function isGopkgIn(path12) {
  return path12.startsWith("gopkg.in/");
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
function check(path12, version) {
  const perr = checkPath(path12);
  if (perr !== void 0) return perr;
  if (!isValid(version)) {
    return new ModuleError(
      path12,
      "",
      new InvalidVersionError(version, new Error("not a semantic version"))
    );
  }
  const merr = checkPathMajor(version, splitPathVersion(path12).pathMajor);
  if (merr !== void 0) return new ModuleError(path12, "", merr);
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
function escapePath(path12) {
  const err = checkPath(path12);
  if (err !== void 0) throw err;
  return escapeString(path12);
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
  const path12 = unescapeString(escaped);
  if (path12 === void 0) throw new Error(`invalid escaped module path ${goQuote(escaped)}`);
  const err = checkPath(path12);
  if (err !== void 0) {
    throw new Error(`invalid escaped module path ${goQuote(escaped)}: ${err.message}`);
  }
  return path12;
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
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    const c0 = chunk[0];
    if (c0 === LBRACKET) {
      let r = 0;
      if (!failed) {
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
      if (match === negated) failed = true;
    } else if (c0 === QUESTION) {
      if (!failed) {
        if (s[0] === SLASH) failed = true;
        const [, n] = decodeRune(s, 0);
        s = s.subarray(n);
      }
      chunk = chunk.subarray(1);
    } else {
      if (c0 === BACKSLASH) {
        chunk = chunk.subarray(1);
        if (chunk.length === 0) throw new BadPattern();
      }
      if (!failed) {
        if (chunk[0] !== s[0]) failed = true;
        s = s.subarray(1);
      }
      chunk = chunk.subarray(1);
    }
  }
  return failed ? void 0 : s;
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

// src/module/sort.ts
var init_sort = __esm({
  "src/module/sort.ts"() {
    "use strict";
    init_go_string();
    init_semver();
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
    init_sort();
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
function parseVersion(verb, path12, args, i, fix) {
  let t;
  try {
    t = parseString(args, i);
  } catch (e) {
    throw new DirectiveError(verb, path12, new InvalidVersionError(args[i] ?? "", e));
  }
  if (fix !== void 0) {
    try {
      t = fix(path12, t);
    } catch (e) {
      if (e instanceof ModuleError) throw new DirectiveError(verb, path12, e.err);
      throw e;
    }
  } else {
    const cv = canonicalVersion(t);
    if (cv === "") {
      throw new DirectiveError(
        verb,
        path12,
        new InvalidVersionError(t, new Error("must be of the form v1.2.3"))
      );
    }
    t = cv;
  }
  args[i] = t;
  return t;
}
function modulePathMajor(path12) {
  const { pathMajor, ok } = splitPathVersion(path12);
  if (!ok) throw new Error("invalid module path");
  return pathMajor;
}
function parseVersionInterval(verb, path12, args, fix) {
  let toks = args;
  if (toks.length === 0 || toks[0] === "(") throw new Error("expected '[' or version");
  if (toks[0] !== "[") {
    const v = parseVersion(verb, path12, toks, 0, fix);
    return [{ low: v, high: v }, toks.slice(1)];
  }
  let base = 1;
  toks = args.slice(1);
  if (toks.length === 0) throw new Error("expected version after '['");
  const low = parseVersion(verb, path12, args, base, fix);
  toks = args.slice(++base);
  if (toks.length === 0 || toks[0] !== ",") throw new Error("expected ',' after version");
  toks = args.slice(++base);
  if (toks.length === 0) throw new Error("expected version after ','");
  const high = parseVersion(verb, path12, args, base, fix);
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
        const deprecated = deprecationIn(directiveComment(block, line));
        const stmt = { ...locate(line), path: "" };
        if (deprecated !== "") stmt.deprecated = deprecated;
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
        const path12 = quoted(() => parseString(args, 0));
        (verb === "tool" ? f.tool : f.ignore).push({ ...locate(line), path: path12 });
        return;
      }
    }
  } catch (e) {
    fail(e);
  }
}
function fixRetract(f, problems, fix) {
  if (fix === void 0) return;
  const path12 = f.module?.path ?? "";
  for (const r of f.retract) {
    if (path12 === "") {
      problems.add(r.syntax.start, "no module directive found, so retract cannot be used");
      return;
    }
    const tokens = r.syntax.token;
    const offset = tokens[0] === "retract" ? 1 : 0;
    const args = tokens.slice(offset);
    try {
      const [vi] = parseVersionInterval("retract", path12, args, fix);
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
        const incompatible = [];
        for (const tag of await this.code.tags(p)) {
          const v = tag.slice(this.tagPrefix.length);
          if (v === "" || v !== canonical(v) || isPseudoVersion(v)) continue;
          if (checkPathMajor(v, this.pathMajor) !== void 0) {
            if (this.codeDir === "" && this.pathMajor === "" && major(v) > "v1") {
              incompatible.push(v);
            }
            continue;
          }
          list.push(v);
        }
        const sorted = sortVersions(list);
        const inc = sortVersions(incompatible);
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
    function openPromise(path12, options2) {
      return new Promise((resolve, reject) => {
        open3(path12, { ...options2, lazyEntries: true }, function(err, zipfile) {
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
    function fromRandomAccessReaderPromise(reader, totalSize, options2) {
      return new Promise((resolve, reject) => {
        fromRandomAccessReader(reader, totalSize, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function open3(path12, options2, callback) {
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
      fs.open(path12, "r", function(err, fd) {
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
        var reader = new fd_slicer.FdSlicer(fd);
        fromRandomAccessReader(reader, stats.size, options2, callback);
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
      var reader = new fd_slicer.BufferSlicer(buffer);
      fromRandomAccessReader(reader, buffer.length, options2, callback);
    }
    function fromRandomAccessReader(reader, totalSize, options2, callback) {
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
      reader.ref();
      var eocdrWithoutCommentSize = 22;
      var zip64EocdlSize = 20;
      var maxCommentSize = 65535;
      var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
      var buffer = newBuffer(bufferSize);
      var bufferReadStart = totalSize - buffer.length;
      readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
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
            return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err2) {
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
              return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
            });
          }
          if (diskNumber !== 0) {
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
        }
        callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
      });
    }
    util.inherits(ZipFile, EventEmitter);
    function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
      var self = this;
      EventEmitter.call(self);
      self.reader = reader;
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
    function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
      if (length === 0) {
        return setImmediate(function() {
          callback(null, newBuffer(0));
        });
      }
      reader.read(buffer, offset, length, position, function(err, bytesRead) {
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
        var result = "";
        for (var i = 0; i < buffer.length; i++) {
          result += cp437[buffer[i]];
        }
        return result;
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
function goFsError(op, path12, e) {
  const code = e?.code;
  const text = typeof code === "string" ? errnoText[code] : void 0;
  return new Error(`${op} ${path12}: ${text ?? errorMessage(e)}`);
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
      constructor(verb, err, path12) {
        super(path12 === void 0 ? `${verb}: ${err.message}` : `${verb} ${path12}: ${err.message}`);
        this.verb = verb;
        this.err = err;
        this.path = path12;
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
  const checked = { valid: [], omitted: [], invalid: [] };
  const validFiles = [];
  const reported = /* @__PURE__ */ new Set();
  const addError = (path12, omitted, reason2) => {
    if (reported.has(path12)) return;
    reported.add(path12);
    const fe = { path: path12, reason: reason2 };
    (omitted ? checked.omitted : checked.invalid).push(fe);
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
    } else if (checked.sizeError === void 0) {
      checked.sizeError = new Error(sourceTreeTooLargeText);
    }
    if (p === "go.mod" && size > MAX_GO_MOD) {
      addError(p, false, reasons.goModSize);
      continue;
    }
    if (p === "LICENSE" && size > MAX_LICENSE) {
      addError(p, false, reasons.licenseSize);
      continue;
    }
    checked.valid.push(p);
    validFiles.push(f);
  }
  return { checked, validFiles };
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
      var result = bufferAlloc(string.length);
      for (var i = 0; i < string.length; i++) {
        var b = reverseCp437[string[i]];
        if (b == null) throw new Error("character not encodable in CP437: " + JSON.stringify(string[i]));
        result[i] = b;
      }
      return result;
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
    const { checked, validFiles } = classifyFiles(files2, await rootGoModData(files2));
    const err = checkedFilesError(checked);
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
    let failed = false;
    const fail = (e) => {
      if (failed) return;
      failed = true;
      const output = zip.outputStream;
      output.unpipe(out);
      output.destroy();
      out.end();
      reject(toError(e));
    };
    zip.on("error", fail);
    out.on("error", fail);
    out.on("finish", () => {
      if (!failed) resolve();
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
      constructor(size, path12) {
        super();
        this.size = size;
        this.path = path12;
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
    const checked = await checkOpened(m, zip);
    const hash = await hashOpenedZip(zip);
    const error = checkedFilesError(checked);
    return error === void 0 ? { hash, checked } : { hash, checked, error };
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
  const retracted = await retractedOf(repo, versions);
  const allowed = versions.filter((v) => !retracted(v));
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
  if (pathErr !== void 0) {
    out.error = errorMessage(pathErr);
    return out;
  }
  let repo;
  try {
    repo = new CodeRepo(code, req.codeRoot, req.modulePath);
  } catch (e) {
    out.error = errorMessage(e);
    return out;
  }
  let version;
  try {
    const r = await resolveVersion(repo, req.query);
    version = r.version;
    Object.assign(out, { version, commit: r.name, time: infoTime(r.time) });
  } catch (e) {
    out.error = errorMessage(e);
    return out;
  }
  try {
    out.goMod = await repo.goMod(version);
    out.goModSum = hashGoMod(out.goMod);
  } catch (e) {
    out.error = errorMessage(e);
    return out;
  }
  try {
    const listing = await repo.zipFiles(version);
    out.dir = listing.dir;
    const zipErr = checkModuleVersion({ path: req.modulePath, version });
    if (zipErr !== void 0) throw new ModZipError("create zip", zipErr);
    const sources = listing.files.map(toSource);
    const checked = checkFiles(sources, listing.goMod);
    const byPath = new Map(listing.files.map((f) => [f.path, f]));
    const kept = checked.valid.map((p) => byPath.get(p));
    out.files = {
      kept: kept.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256.toString("hex") })),
      omitted: checked.omitted.map((f) => ({ path: f.path, reason: f.reason })),
      invalid: checked.invalid.map((f) => ({ path: f.path, reason: f.reason }))
    };
    const err = checkedFilesError(checked);
    if (err !== void 0) throw new ModZipError("create zip", err);
    const prefix = `${req.modulePath}@${version}/`;
    out.sum = hash1(kept.map((f) => ({ name: prefix + f.path, sha256: f.sha256 })));
  } catch (e) {
    out.error = errorMessage(e);
  }
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
    return [...tags].filter(([, c]) => c === hash).map(([t]) => t).sort(compareBytes);
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
      return [...tags.keys(), ...otherTags.keys()].filter((t) => t.startsWith(prefix)).sort(compareBytes);
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
function compareBytes(a, b) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
var MIN_HASH_DIGITS;
var init_git_code_host = __esm({
  "src/modfetch/git-code-host.ts"() {
    "use strict";
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

// src/cli/output-file.ts
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { open, rename, rm as rm2, stat as stat2 } from "node:fs/promises";
import path5 from "node:path";
function reason(e) {
  const code = e.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "the file system is read-only";
  if (code === "ENOSPC") return "no space left on the device";
  return errorMessage(e);
}
async function checkOutputPath(flag, value, cwd, options2 = {}) {
  if (value === "") throw new InputError(`${flag} needs a file name`);
  const file = path5.resolve(cwd, value);
  const st = await stat2(file).catch(() => void 0);
  if (st?.isDirectory() === true) {
    throw new InputError(
      `${flag} ${file} is a folder: name a file (for example ${path5.join(file, "out")})`
    );
  }
  let dir = path5.dirname(file);
  for (; ; ) {
    const d = await stat2(dir).catch((e) => e);
    if (d instanceof Error) {
      if (d.code === "ENOENT" && options2.createsFolders === true && path5.dirname(dir) !== dir) {
        dir = path5.dirname(dir);
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
  const tmp = path5.join(
    path5.dirname(file),
    `.${path5.basename(file)}.${randomBytes(4).toString("hex")}.tmp`
  );
  try {
    const fh = await open(tmp, "wx");
    await fh.close();
  } catch (e) {
    throw new InputError(
      `${flag} ${file}: cannot write in ${path5.dirname(file)} (${reason(e)}): choose a writable folder`
    );
  }
  const forget = removeOnInterrupt(tmp);
  const stream = createWriteStream(tmp);
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
        await rename(tmp, file);
      } catch (e) {
        await rm2(tmp, { force: true });
        throw new InputError(`${flag} ${file}: cannot write it (${reason(e)})`);
      } finally {
        forget();
      }
    },
    async discard() {
      stream.destroy();
      await closed.catch(() => void 0);
      await rm2(tmp, { force: true });
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
import path6 from "node:path";
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
  const bare = name.replace(/^refs\/tags\//, "");
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
        const repo = await openRepo(path6.resolve(io.cwd, values.repo ?? "."));
        const { commit, tag } = await resolveCommit(repo, flag, name);
        if (values.version === void 0 && (tag === void 0 || splitTag(tag).version === void 0)) {
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
        const tagName = inferred.codeDir === "" ? version : `${inferred.codeDir}/${version}`;
        const pretend = /* @__PURE__ */ new Map([[tagName.replace(/\+incompatible$/, ""), commit]]);
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

// src/goproxy/deps.ts
var init_deps = __esm({
  "src/goproxy/deps.ts"() {
    "use strict";
    init_module();
    init_semver2();
  }
});

// src/goproxy/redact.ts
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
  "src/goproxy/redact.ts"() {
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

// src/goproxy/errors.ts
function isTransient(e) {
  if (e instanceof NetworkError) return e.code !== "EPROXY";
  if (e instanceof DeadlineError) return false;
  if (e instanceof TimeoutError) return true;
  if (e instanceof ServerError) return e.status === 408 || e.status === 429 || e.status >= 500;
  return false;
}
var GoproxyError, NotFoundError, ServerError, TimeoutError, DeadlineError, TooLargeError, ProtocolError, NetworkError, SkippedError;
var init_errors3 = __esm({
  "src/goproxy/errors.ts"() {
    "use strict";
    GoproxyError = class extends Error {
      name = "GoproxyError";
      /** The URL as safe to show: credentials replaced by `xxxxx`. */
      url;
      constructor(message, url, options2) {
        super(message, options2);
        this.url = url;
      }
    };
    NotFoundError = class extends GoproxyError {
      name = "NotFoundError";
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
    ServerError = class extends GoproxyError {
      name = "ServerError";
      status;
      statusText;
      body;
      detail;
      retryAfterMs;
      constructor(message, url, fields2) {
        super(message, url);
        this.status = fields2.status;
        this.statusText = fields2.statusText;
        this.body = fields2.body;
        this.detail = fields2.detail;
        if (fields2.retryAfterMs !== void 0) this.retryAfterMs = fields2.retryAfterMs;
      }
    };
    TimeoutError = class extends GoproxyError {
      name = "TimeoutError";
    };
    DeadlineError = class extends TimeoutError {
      name = "DeadlineError";
      sent;
      constructor(message, url, sent) {
        super(message, url);
        this.sent = sent;
      }
    };
    TooLargeError = class extends GoproxyError {
      name = "TooLargeError";
      limit;
      constructor(message, url, limit) {
        super(message, url);
        this.limit = limit;
      }
    };
    ProtocolError = class extends GoproxyError {
      name = "ProtocolError";
    };
    NetworkError = class extends GoproxyError {
      name = "NetworkError";
      /** Node's error code (`ECONNREFUSED`, …) when there is one. */
      code;
      constructor(message, url, code, options2) {
        super(message, url, options2);
        if (code !== void 0) this.code = code;
      }
    };
    SkippedError = class extends GoproxyError {
      name = "SkippedError";
    };
  }
});

// src/goproxy/outbound-proxy.ts
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
  "src/goproxy/outbound-proxy.ts"() {
    "use strict";
    cgiProxyRefusal = "refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy";
    ProxyRefusedError = class extends Error {
      name = "ProxyRefusedError";
    };
    v4Prefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255];
    defaultPorts = { "http:": "80", "https:": "443" };
  }
});

// src/goproxy/error-detail.ts
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
  "src/goproxy/error-detail.ts"() {
    "use strict";
    init_outbound_proxy();
    init_redact();
    maxDetailLines = 8;
    maxDetailBytes = maxDetailLines * 81;
    graphicOrSpace = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\p{White_Space}\u0085\u00a0]*$/u;
  }
});

// src/goproxy/netrc.ts
function parseNetrc(text) {
  const out = [];
  let cur = { machine: "", login: "", password: "" };
  let inMacro = false;
  for (const line of text.split("\n")) {
    if (inMacro) {
      if (line === "") inMacro = false;
      continue;
    }
    const f = line.split(/\s+/).filter((t) => t !== "");
    let i = 0;
    for (; i < f.length - 1; i += 2) {
      const key2 = f[i];
      const val = f[i + 1] ?? "";
      if (key2 === "machine") cur = { machine: val, login: "", password: "" };
      else if (key2 === "login") cur.login = val;
      else if (key2 === "password") cur.password = val;
      else if (key2 === "macdef") inMacro = true;
      if (cur.machine !== "" && cur.login !== "" && cur.password !== "") {
        out.push(cur);
        cur = { machine: "", login: "", password: "" };
      }
    }
    if (i < f.length && f[i] === "default") break;
  }
  return out;
}
function isLoopback(hostname) {
  return hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "localhost";
}
function basic(user, pass) {
  return "Basic " + Buffer.from(`${user}:${pass}`).toString("base64");
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
  for (const e of opts.netrc ?? []) secrets.push(e.password);
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
      const e = (opts.netrc ?? []).find((n) => n.machine === url.hostname);
      return e === void 0 ? void 0 : basic(e.login, e.password);
    }
  };
}
var publicGoHosts;
var init_netrc = __esm({
  "src/goproxy/netrc.ts"() {
    "use strict";
    publicGoHosts = [
      "proxy.golang.org",
      "sum.golang.org",
      "index.golang.org",
      "sum.golang.google.cn"
    ];
  }
});

// src/goproxy/retry.ts
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
  const retryable = ctx.retryable ?? isTransient;
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
  "src/goproxy/retry.ts"() {
    "use strict";
    init_errors3();
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

// src/goproxy/deadline-http.ts
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
var init_deadline_http = __esm({
  "src/goproxy/deadline-http.ts"() {
    "use strict";
    init_errors3();
    init_redact();
  }
});

// src/goproxy/node-http-client.ts
import { createReadStream } from "node:fs";
import { stat as stat3 } from "node:fs/promises";
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
function statusTextOf(res) {
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
        `Get "${ex.shownUrl}": proxy ${shownProxy} refused CONNECT ${authority}: ${statusTextOf(res)}`,
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
  function exchange(ex, make) {
    return new Promise((resolve, reject) => {
      const req = make();
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
    const code = err.code;
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
      const location = res.headers.location;
      if (!redirectStatuses.has(status) || location === void 0) return { url, res };
      res.destroy();
      const next = new URL(location, url);
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
    const path12 = fileURLToPath(url);
    try {
      const st = await stat3(path12);
      if (st.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
      return { status: 200, text: "200 OK", body: createReadStream(path12), size: st.size };
    } catch (e) {
      const code = e.code;
      const empty = new PassThrough2();
      empty.end();
      if (code === "ENOENT" || code === "ENOTDIR")
        return { status: 404, text: "Not Found", body: empty };
      if (code === "EACCES" || code === "EPERM")
        return { status: 403, text: "Forbidden", body: empty };
      throw new NetworkError(`open ${path12}: ${e.message}`, url.href, code);
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
    const finish = (e) => {
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
    ex.abort = (e) => finish(e);
    if (rate !== void 0) {
      watch = rateWatch(rate, res, out, ex, (e) => {
        ex.failed ??= e;
        finish(e);
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
          finish();
          return;
        }
        finish(
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
        if (ex.failed !== void 0) return finish(ex.failed);
        if (contentLength !== void 0 && seen !== contentLength && (ok || seen < cap)) {
          return finish(
            new ProtocolError(
              `reading ${ex.shownUrl}: got ${seen} bytes, Content-Length said ${contentLength}`,
              ex.shownUrl
            )
          );
        }
        finish();
      });
    });
    res.on("error", (err) => {
      if (done) return;
      finish(ex.failed ?? bodyError(err, seen, contentLength, ex));
    });
    res.on("close", () => {
      if (done) return;
      setImmediate(() => {
        if (done) return;
        if (!complete()) finish(ex.failed ?? bodyError(void 0, seen, contentLength, ex));
      });
    });
    if (ex.failed !== void 0) finish(ex.failed);
    else if (res.destroyed && !complete()) finish(bodyError(void 0, 0, contentLength, ex));
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
      return { url: ex.shownUrl, status, statusText: statusTextOf(res), headers, body };
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
  "src/goproxy/node-http-client.ts"() {
    "use strict";
    init_errors3();
    init_outbound_proxy();
    init_redact();
    defaultMinRate = { bytes: 16 << 10, windowMs: 3e4 };
    redirectStatuses = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
    crossOriginDropped = /* @__PURE__ */ new Set(["authorization", "cookie", "proxy-authorization"]);
  }
});

// src/goproxy/info.ts
function field(obj, name) {
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return void 0;
}
function stringField(obj, name, where) {
  const v = field(obj, name);
  if (v === void 0 || v === null) return void 0;
  if (typeof v !== "string") {
    throw new Error(
      `json: cannot unmarshal ${jsonType(v)} into Go struct field ${where}.${name} of type string`
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
import { createHash as createHash5, randomBytes as randomBytes2 } from "node:crypto";
import { createWriteStream as createWriteStream2 } from "node:fs";
import { mkdir as mkdir2, rename as rename2, rm as rm3 } from "node:fs/promises";
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
function statusTextOf2(r) {
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
    init_info();
    init_redact();
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
      async list(path12) {
        return this.tryProxies(path12, "", async (base) => {
          const { body } = await this.fetchBytes(base, path12, "@v/list", maxSmallBytes, this.smallMs);
          return parseList(body.toString("utf8"));
        });
      }
      /**
       * `@v/<version>.info`. As in Go, a request for a canonical version valid for
       * the path must be answered with exactly that version; a query or a
       * `vN.x.y` without `/vN` (answered `+incompatible`) may resolve elsewhere.
       */
      async info(path12, version) {
        return this.tryProxies(path12, version, (base) => this.stat(base, path12, version));
      }
      /** `@v/<version>.mod` for a canonical version: the bytes as served (16 MiB cap). */
      async mod(path12, version) {
        this.requireCanonical(path12, version, "GoMod");
        return this.tryProxies(path12, version, async (base) => {
          const enc = this.escVersion(path12, version);
          return (await this.fetchBytes(base, path12, `@v/${enc}.mod`, maxModBytes, this.modMs)).body;
        });
      }
      /** `@latest`, falling back like Go to the newest pseudo-version of the list on not-found. */
      async latest(path12) {
        return this.tryProxies(path12, "", async (base) => {
          let body;
          try {
            body = (await this.fetchBytes(base, path12, "@latest", maxSmallBytes, this.smallMs)).body;
          } catch (e) {
            if (!(e instanceof NotFoundError)) throw e;
            return this.latestFromList(base, path12);
          }
          return this.decodeInfo(base, path12, "", body);
        });
      }
      /**
       * Downloads `@v/<version>.zip` into `destDir` (streamed, at most 500 MiB,
       * Content-Length checked first), then checks it as the go command checks a
       * downloaded zip and hashes it. The file is removed when anything fails.
       */
      async downloadZip(path12, version, destDir) {
        this.requireCanonical(path12, version, "Zip");
        await mkdir2(destDir, { recursive: true });
        const escPath = this.escPath(path12);
        const enc = this.escVersion(path12, version);
        const finalPath = join(destDir, `${escPath.replaceAll("/", "%2F")}@${enc}.zip`);
        const answer = await this.tryProxies(path12, version, async (base) => {
          const tmp2 = `${finalPath}.${randomBytes2(6).toString("hex")}.tmp`;
          try {
            const r = await this.fetchZip(base, path12, version, `@v/${enc}.zip`, tmp2);
            return { tmp: tmp2, ...r };
          } catch (e) {
            await rm3(tmp2, { force: true });
            throw e;
          }
        });
        const { tmp, sha256: sha2563, size } = answer.value;
        try {
          let verdict;
          try {
            verdict = await checkAndHashZip({ path: path12, version }, tmp);
          } catch (e) {
            throw new ProtocolError(
              `${path12}@${version}: ${e instanceof Error ? e.message : String(e)}`,
              answer.proxy
            );
          }
          if (verdict.problem !== void 0) {
            throw new ProtocolError(verdict.problem, answer.proxy);
          }
          const h1 = verdict.h1;
          await rename2(tmp, finalPath);
          return { ...answer, value: { zipPath: finalPath, sha256: sha2563, size, h1 } };
        } catch (e) {
          await rm3(tmp, { force: true });
          throw e;
        }
      }
      async fetchZip(base, path12, version, rel, tmp) {
        const url = this.url(base, path12, rel);
        return this.withModuleContext(
          path12,
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
                statusTextOf2(r),
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
              await pipeline(r.body, tap, createWriteStream2(tmp));
            } catch (e) {
              throw zipTooLarge(e);
            }
            return { sha256: hash.digest("hex"), size };
          }, this.retryContext())
        );
      }
      requireCanonical(path12, version, what) {
        if (version !== canonicalVersion(version)) {
          throw this.versionError(
            path12,
            version,
            new Error(`internal error: version passed to ${what} is not canonical`)
          );
        }
      }
      escPath(path12) {
        try {
          return escapePath(path12);
        } catch (e) {
          throw new ProtocolError(e instanceof Error ? e.message : String(e), "");
        }
      }
      escVersion(path12, version) {
        try {
          return escapeVersion(version);
        } catch (e) {
          throw withContext(
            new ProtocolError(
              this.versionError(path12, version, e instanceof Error ? e : new Error(String(e))).message,
              ""
            )
          );
        }
      }
      url(base, path12, rel) {
        const encPath = pathEscape(this.escPath(path12));
        const relEsc = pathEscape(rel);
        return `${base.replace(/\/$/, "")}/${encPath}/${relEsc}`;
      }
      retryContext() {
        return { policy: this.policy, clock: this.clock, random: this.random };
      }
      async fetchBytes(base, path12, rel, maxBytes, timeoutMs) {
        const url = this.url(base, path12, rel);
        const opts = { maxBytes, timeoutMs };
        return withRetry(async () => {
          const r = await this.http.get(url, opts);
          if (r.status !== 200) {
            throw httpError(url, r.status, statusTextOf2(r), r.headers, r.body, this.clock);
          }
          return { body: r.body };
        }, this.retryContext());
      }
      async stat(base, path12, rev) {
        const enc = this.escVersion(path12, rev);
        const { body } = await this.withModuleContext(
          path12,
          rev,
          () => this.fetchBytes(base, path12, `@v/${enc}.info`, maxSmallBytes, this.smallMs)
        );
        const info = this.decodeInfo(base, path12, rev, body);
        if (info.Version !== rev && rev === canonicalVersion(rev) && check(path12, rev) === void 0) {
          throw withContext(
            new ProtocolError(
              this.versionError(
                path12,
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
      decodeInfo(base, path12, rev, body) {
        try {
          return parseInfo(body);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          throw withContext(
            new ProtocolError(
              this.versionError(
                path12,
                rev,
                new Error(`invalid response from proxy "${redactUrl(base)}": ${msg}`)
              ).message,
              redactUrl(base)
            )
          );
        }
      }
      async latestFromList(base, path12) {
        const { body } = await this.fetchBytes(base, path12, "@v/list", maxSmallBytes, this.smallMs);
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
        return this.stat(base, path12, best.v);
      }
      // Go's proxyRepo.versionError: a non-canonical version is an invalid version.
      versionError(path12, version, err) {
        if (version !== "" && version !== canonicalVersion(version)) {
          return new ModuleError(
            path12,
            "",
            new InvalidVersionError(version, err, isPseudoVersion(version))
          );
        }
        return new ModuleError(path12, version, err);
      }
      // Prefixes a failure with `path@version: ` (or `module path: `) as Go does, keeping its type.
      async withModuleContext(path12, version, f) {
        try {
          return await f();
        } catch (e) {
          if (e instanceof GoproxyError && !contextAdded.has(e)) {
            e.message = this.versionError(path12, version, new Error(e.message)).message;
            withContext(e);
          }
          throw e;
        }
      }
      // Go's TryProxies, with `direct`, `off` and GONOPROXY reported as skipped.
      async tryProxies(path12, version, f) {
        const attempts = [];
        if (this.env !== void 0 && !useProxyFor(this.env, path12)) {
          const msg = this.versionError(
            path12,
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
              new SkippedError(this.versionError(path12, version, new Error(why)).message, entry.url)
            );
            break;
          }
          const shown = redactUrl(entry.url);
          try {
            const value = await this.withModuleContext(path12, version, () => f(entry.url));
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
        if (best instanceof GoproxyError) Object.assign(best, { attempts });
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
async function warmOnce(client, path12, version) {
  try {
    const a = await client.info(path12, version);
    let info = a.value;
    if (info.Version === `${version}+incompatible`) {
      info = (await client.info(path12, info.Version)).value;
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
    init_errors3();
    init_error_detail();
    init_redact();
    init_netrc();
    init_retry();
    init_deadline_http();
    init_node_http_client();
    init_info();
    init_client();
    init_warm();
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
    init_goproxy();
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
        const result = r.value ?? {
          kind: "unreachable",
          reason: `not asked: ${this.deadlineText} has passed`,
          deadline: true,
          notSent: true
        };
        return { result, attempts: r.attempts, end: r.end };
      }
    };
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
  const { local, mirror, logger } = input;
  const path12 = local.modulePath;
  const version = local.version;
  if (mirror === void 0 || input.noMirror !== void 0) {
    return fromLocalAlone(local, input.noMirror ?? "no mirror to ask");
  }
  let listed;
  try {
    const l = await mirror.list(path12);
    if (l.kind === "unreachable") {
      return fromLocalAlone(local, `could not read the version list of ${mirror.url}: ${l.reason}`);
    }
    listed = l.kind === "ok" ? l.versions : [];
  } catch (e) {
    return fromLocalAlone(
      local,
      `could not read the version list of ${mirror.url}: ${errorMessage(e)}`
    );
  }
  const legacy = encodeGoString(`module ${autoQuote(path12)}
`);
  const mods = /* @__PURE__ */ new Map();
  const readMod = (v) => {
    let p = mods.get(v);
    if (p === void 0) {
      p = (async () => {
        const m = await mirror.mod(path12, v);
        if (m.kind === "ok") return m.data;
        throw new Error(
          `${path12}@${v}.mod: ${m.kind === "not-found" ? m.body.trimEnd() : m.reason}`
        );
      })();
      mods.set(v, p);
    }
    return p;
  };
  const hasGoMod = async (v) => {
    if (v === version) {
      return local.goMod !== void 0 ? !local.goMod.equals(legacy) : local.declaredModulePath !== void 0;
    }
    return !(await readMod(v)).equals(legacy);
  };
  let latest;
  try {
    latest = await latestIgnoringRetractions([...listed, version], hasGoMod);
  } catch (e) {
    return fromLocalAlone(local, `could not determine the latest version: ${errorMessage(e)}`);
  }
  if (latest === void 0) {
    return fromLocalAlone(local, `${version} is not a version the go command lists`);
  }
  if (latest === version) {
    return await asLatest(local, listed, hasGoMod, readMod, logger);
  }
  logger.info(`Reading retractions and deprecation from the go.mod of ${path12}@${latest}`);
  let facts;
  try {
    facts = parseFacts(`${path12}@${latest}/go.mod`, await readMod(latest));
  } catch (e) {
    return fromLocalAlone(
      local,
      `could not read the go.mod of ${latest}, the latest version: ${errorMessage(e)}`
    );
  }
  return notLatest(local, latest, facts);
}
async function asLatest(local, listed, hasGoMod, readMod, logger) {
  const version = local.version;
  const findings = ownDirectives(
    local,
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
      prevFacts = parseFacts(`${local.modulePath}@${prev}/go.mod`, await readMod(prev));
    }
  } catch (e) {
    logger.debug(`could not read the go.mod of the previous latest version: ${errorMessage(e)}`);
    prev = void 0;
  }
  for (const r of local.retractions) {
    if (covers(r, version)) continue;
    if (prevFacts?.retractions.some((p) => sameInterval(p, r)) === true) continue;
    const news = prev !== void 0 && prevFacts !== void 0 ? ` (${prev}, the latest version until now, does not retract it)` : "";
    findings.push({
      code: "retracted",
      severity: "notice",
      message: `once published, ${version} is the latest version, so its go.mod retracts ${rangeOf(r)}${news}: ${directiveMessage(r)}`,
      file: local.goModPath,
      ...r.line !== void 0 ? { line: r.line } : {},
      fix: `${HIDDEN} Retracted versions stay downloadable for those who ask for them by name.`
    });
  }
  if (prev !== void 0 && prevFacts !== void 0) {
    for (const p of prevFacts.retractions) {
      if (local.retractions.some((r) => sameInterval(r, p))) continue;
      findings.push({
        code: "retracted",
        severity: "warning",
        message: `${prev}, the latest version until now, retracts ${rangeOf(p)} (${directiveMessage(p)}); this tag's go.mod does not, so once ${version} is published the go command no longer treats ${rangeOf(p)} as retracted`,
        file: local.goModPath,
        fix: `Only the latest version's retractions count. If ${rangeOf(p)} should stay retracted, add "retract ${rangeOf(p)}" to go.mod and publish a new version.`
      });
    }
    const was = deprecationText(prevFacts.deprecated);
    if (was !== "" && deprecationText(local.deprecated) === "") {
      findings.push({
        code: "deprecated",
        severity: "warning",
        message: `${prev}, the latest version until now, marks ${local.modulePath} as deprecated (${was}); this tag's go.mod does not, so once ${version} is published the module is no longer deprecated`,
        file: local.goModPath,
        ...local.moduleLine,
        fix: 'If the module should stay deprecated, keep the "// Deprecated:" comment on the module line and publish a new version.'
      });
    }
  }
  return findings;
}
function notLatest(local, latest, facts) {
  const { modulePath: path12, version } = local;
  const findings = [];
  const msg = retractionMessage(version, facts.retractions);
  if (msg !== void 0) {
    const hit = facts.retractions.find((r) => covers(r, version));
    findings.push({
      code: "retracted",
      severity: "warning",
      message: `${path12}@${version}: ${msg} (the go.mod of ${latest}, the latest version, has retract ${hit === void 0 ? version : rangeOf(hit)})`,
      fix: `${HIDDEN} Only a newer latest version can lift it: if this version should be usable, publish a version above ${latest} whose go.mod no longer retracts it.`
    });
  }
  const dep = deprecationText(facts.deprecated);
  if (dep !== "") {
    findings.push({
      code: "deprecated",
      severity: "warning",
      message: `module ${path12} is deprecated: ${dep} (the go.mod of ${latest}, the latest version)`,
      fix: "go get and go list -u show this to everybody who uses any version of the module, this one included."
    });
  }
  for (const r of local.retractions) {
    if (facts.retractions.some((p) => sameInterval(p, r))) continue;
    findings.push({
      code: "retracted",
      severity: "warning",
      message: `this tag's go.mod retracts ${rangeOf(r)}, but the go command reads retractions only from the go.mod of the latest version, ${latest}, which does not: the directive has no effect`,
      file: local.goModPath,
      ...r.line !== void 0 ? { line: r.line } : {},
      fix: `Add "retract ${rangeOf(r)}" to the go.mod of a new version above ${latest}.`
    });
  }
  const own = deprecationText(local.deprecated);
  if (own !== "" && dep === "") {
    findings.push({
      code: "deprecated",
      severity: "warning",
      message: `this tag's go.mod marks ${path12} as deprecated (${own}), but the go command reads the deprecation only from the go.mod of the latest version, ${latest}, which has none: the comment has no effect`,
      file: local.goModPath,
      ...local.moduleLine,
      fix: `Put the "// Deprecated:" comment into the go.mod of a new version above ${latest}.`
    });
  }
  return findings;
}
function fromLocalAlone(local, why) {
  return ownDirectives(
    local,
    `judged from this tag's go.mod alone, as if ${local.version} were the latest version (${why})`
  );
}
function ownDirectives(local, context) {
  const { modulePath: path12, version } = local;
  const findings = [];
  const msg = retractionMessage(version, local.retractions);
  if (msg !== void 0) {
    const hit = local.retractions.find((r) => covers(r, version));
    findings.push({
      code: "retracted",
      severity: "warning",
      message: `${path12}@${version}: ${msg} (this tag's go.mod has retract ${hit === void 0 ? version : rangeOf(hit)}; ${context})`,
      file: local.goModPath,
      ...hit?.line !== void 0 ? { line: hit.line } : {},
      fix: `${HIDDEN} If that is not intended, publish a new version without the directive.`
    });
  }
  const dep = deprecationText(local.deprecated);
  if (dep !== "") {
    findings.push({
      code: "deprecated",
      severity: "warning",
      message: `module ${path12} is deprecated: ${dep} (${context})`,
      file: local.goModPath,
      ...local.moduleLine,
      fix: 'While this is the latest version, go get and go list -u show the message to every user. If that is not intended, publish a new version without the "Deprecated:" comment.'
    });
  }
  return findings;
}
var rangeOf, covers, sameInterval, deprecationText, directiveMessage, HIDDEN;
var init_retractions = __esm({
  "src/checks/retractions.ts"() {
    "use strict";
    init_errors();
    init_go_string();
    init_modfile();
    init_module();
    init_semver2();
    rangeOf = (r) => r.low === r.high ? r.low : `[${r.low}, ${r.high}]`;
    covers = (r, v) => compare(r.low, v) <= 0 && compare(v, r.high) <= 0;
    sameInterval = (a, b) => a.low === b.low && a.high === b.high;
    deprecationText = (d) => d === void 0 || d === "" ? "" : shortenRationale(d, "");
    directiveMessage = (r) => r.rationale === "" ? "retracted by module author" : `retracted by module author: ${shortenRationale(r.rationale)}`;
    HIDDEN = 'The go command hides retracted versions from "latest" and upgrades, and warns everybody who requires one.';
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
  if (prerelease(candidate) === "") {
    for (const t of used) {
      if (prerelease(t) === "" && major(t) === major(candidate) && compare(t, candidate) > 0) {
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
var init_version = __esm({
  "src/checks/version.ts"() {
    "use strict";
    init_semver2();
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
      addToPath(path12, added, removed, oldPosInc, options2) {
        const last = path12.lastComponent;
        if (last && !options2.oneChangePerToken && last.added === added && last.removed === removed) {
          return {
            oldPos: path12.oldPos + oldPosInc,
            lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
          };
        } else {
          return {
            oldPos: path12.oldPos + oldPosInc,
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
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
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

// src/report/diff.ts
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
var init_diff = __esm({
  "src/report/diff.ts"() {
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
function goBytes(s) {
  const parts = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 56448 && cp <= 56575) parts.push(Buffer.from([cp - 56320]));
    else parts.push(Buffer.from(ch, "utf8"));
  }
  return Buffer.concat(parts);
}
function byGoBytes(a, b) {
  return Buffer.compare(goBytes(a), goBytes(b));
}
async function compareZips(mirror, local, limits = {}) {
  const maxDiffFiles = limits.maxDiffFiles ?? 20;
  const added = [...local.files.keys()].filter((n) => !mirror.files.has(n)).sort(byGoBytes);
  const removed = [...mirror.files.keys()].filter((n) => !local.files.has(n)).sort(byGoBytes);
  const changedNames = [...local.files.keys()].filter((n) => mirror.files.has(n) && mirror.files.get(n) !== local.files.get(n)).sort(byGoBytes);
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
    init_diff();
  }
});

// src/checks/release.ts
function defaultTimeoutMs(warmTimeoutMs) {
  return warmTimeoutMs + TIMEOUT_MARGIN_MS;
}
function firstLine3(text) {
  return text.split("\n", 1)[0]?.trim() ?? "";
}
function usableList(r, path12) {
  if (r.kind !== "ok") return r;
  return {
    kind: "ok",
    versions: r.versions.filter(
      (v) => canonical(v) === v.replace(/\+incompatible$/, "") && check(path12, v) === void 0
    )
  };
}
function sameHashes(a, b) {
  return a.zip === b.zip && a.mod === b.mod;
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
function decideVerdict(report) {
  if (report.findings.some((f) => f.severity === "error")) return "fail";
  if (report.steps.some((s) => s.status === "unchecked" || s.status === "failed")) {
    return "inconclusive";
  }
  return "pass";
}
async function runReleaseCheck(input, ports) {
  const { clock, logger, mirror, sumdb } = ports;
  const start = clock.now();
  const timeoutMs = input.timeoutMs ?? defaultTimeoutMs(input.warmTimeoutMs);
  const deadline = input.deadline ?? start + timeoutMs;
  const asker = new Asker({
    clock,
    logger,
    start,
    deadline,
    timeoutText: formatDuration(input.timeoutMs ?? deadline - start)
  });
  const steps = /* @__PURE__ */ new Map();
  const attempts = /* @__PURE__ */ new Map();
  for (const name of STEP_ORDER) steps.set(name, { status: "unchecked", detail: "not reached" });
  const setStep = (name, status, detail) => {
    steps.set(name, { status, detail });
  };
  const count = (name, n) => {
    if (n > 0) attempts.set(name, (attempts.get(name) ?? 0) + n);
  };
  const findings = [];
  const report = {
    schema: REPORT_SCHEMA,
    verdict: "inconclusive",
    compared: [],
    tag: input.tag,
    hashes: { local: {}, mirror: {}, sumdb: {} },
    steps: [],
    findings
  };
  if (mirror !== void 0) report.mirrorUrl = mirror.url;
  if (sumdb !== void 0) report.sumdbName = sumdb.name;
  const markUnreachable = (r, names, finding) => {
    if (r.deadline !== true && finding !== void 0) {
      findings.push({
        code: "unreachable",
        severity: "warning",
        message: finding.message,
        fix: finding.fix
      });
    }
    if (r.deadline !== true && names.some((n) => n !== "sumdb")) mirrorDown ??= r.reason;
    names.forEach(
      (n, i) => setStep(
        n,
        "unchecked",
        i === 0 ? finding?.detail ?? r.reason : r.deadline === true ? r.reason : "mirror unreachable"
      )
    );
  };
  const finish = () => {
    if (asker.outOfTime !== void 0) {
      const { what, last } = asker.outOfTime;
      for (const [name, s] of steps) {
        if (s.status === "unchecked" && s.detail === "not reached") {
          setStep(name, "unchecked", `not done: ${asker.deadlineText} ran out`);
        }
      }
      findings.push({
        code: "unreachable",
        severity: "warning",
        message: `${asker.deadlineText} left no time to finish: the check stopped after ${formatDuration(clock.now() - start)} while asking ${what}${last !== void 0 ? ` (last answer: ${last})` : ""}; the steps say what was not checked`,
        fix: "Nothing was decided about what was not checked. Re-run the job; if the mirror or the checksum database is slow, raise the timeout (--timeout, or the timeout input; it defaults to warm-timeout plus 5 minutes)."
      });
    }
    report.steps = STEP_ORDER.map((name) => {
      const n = attempts.get(name);
      return {
        name,
        ...steps.get(name) ?? { status: "unchecked", detail: "not reached" },
        ...n !== void 0 ? { attempts: n } : {}
      };
    });
    const compared = [];
    if (steps.get("local")?.status === "ok") compared.push("local");
    if (report.hashes.mirror.zip !== void 0) compared.push("mirror");
    if (report.hashes.sumdb.zip !== void 0) compared.push("sumdb");
    report.compared = compared;
    report.verdict = decideVerdict(report);
    if (report.verdict === "pass" && compared.length <= 1) {
      const why = [
        mirror === void 0 ? ports.mirrorDisabled ?? "no mirror" : void 0,
        sumdb === void 0 ? ports.sumdbDisabled ?? "no checksum database" : void 0
      ].filter((x) => x !== void 0);
      report.localOnly = why.length > 0 ? `${why.join("; ")}: only the local rebuild was checked` : "nothing remote was compared";
    }
    return report;
  };
  logger.info(`Resolving ${input.tag} and rebuilding the module zip locally`);
  const local = await ports.local.build(input.tag);
  const path12 = local.modulePath;
  const version = local.version;
  const mv = () => `${path12}@${version}`;
  report.module = path12;
  report.version = version;
  report.commit = local.commit;
  report.goMod = { file: local.goModPath, ...local.moduleLine };
  const L = { mod: local.goModSum };
  if (local.sum !== void 0) L.zip = local.sum;
  report.hashes.local = L;
  const atModule = { file: local.goModPath, ...local.moduleLine };
  const localProblems = [];
  if (local.versionError !== void 0) {
    localProblems.push({
      code: "version-invalid",
      severity: "error",
      message: local.versionError.text,
      ...atModule,
      fix: `The go command refuses ${input.tag} for this module, so it was not sent to the mirror. Make go.mod and the tag agree (v2 and later need the /vN suffix in the module path, see https://go.dev/ref/mod#major-version-suffixes), then tag a new version.`
    });
  }
  if (local.declaredModulePath !== void 0 && local.declaredModulePath !== path12) {
    localProblems.push({
      code: "module-path-mismatch",
      severity: "error",
      message: `go.mod declares module ${local.declaredModulePath}, but ${input.tag} publishes ${path12}`,
      ...atModule,
      fix: `Change the module directive to "module ${path12}" (or publish from the repository that serves ${local.declaredModulePath}), then tag a new version.`
    });
  }
  if (local.zipError !== void 0) {
    localProblems.push({
      code: "zip-invalid",
      severity: "error",
      message: local.zipError.text,
      fix: "Rename or remove the files named above, commit, and tag a new version; the mirror would refuse this one with the same error."
    });
  }
  if (localProblems.length > 0) {
    findings.push(...localProblems);
    setStep("local", "failed", `${mv()} at ${local.commit} is not a valid module version`);
    const why = "not contacted: the version is invalid locally";
    for (const name of STEP_ORDER.slice(1)) setStep(name, "skipped", why);
    return finish();
  }
  setStep("local", "ok", `${mv()} at ${local.commit}: ${local.sum ?? ""}`);
  const patience = Math.min(clock.now() + input.warmTimeoutMs, deadline);
  let mirrorInfo;
  let fetchedByUs = false;
  let mirrorDown;
  let held;
  let heldBy = "";
  let listed;
  const noMirror = `${BY_CONFIG}: ${ports.mirrorDisabled ?? "GOPROXY names no mirror for this module"}`;
  if (mirror === void 0) {
    for (const name of ["mirror-cache", "warm", "origin", "mirror-content"]) {
      setStep(name, "skipped", noMirror);
    }
  } else {
    const c = await asker.ask(
      `${mirror.url} cached-only .info of ${mv()}`,
      () => mirror.cached(path12, version)
    );
    count("mirror-cache", c.attempts);
    const r = c.result;
    if (r.kind === "found") {
      mirrorInfo = r;
      held = true;
      setStep("mirror-cache", "ok", `the mirror already holds ${path12}@${r.version}`);
      setStep("warm", "skipped", "not needed: the mirror already holds this version");
    } else if (r.kind === "not-found") {
      held = false;
      heldBy = "its cached-only view";
      setStep("mirror-cache", "ok", `the mirror does not hold ${mv()} yet`);
    } else if (r.kind === "unsupported") {
      setStep("mirror-cache", "skipped", "this proxy offers no cached-only view");
    } else if (r.notSent === true) {
      setStep("mirror-cache", "unchecked", r.reason);
    } else {
      setStep("mirror-cache", "skipped", `cached-only view unavailable: ${r.reason}`);
    }
    if (held === void 0 && !input.warm && asker.outOfTime === void 0) {
      const l = await asker.ask(`${mirror.url} version list of ${path12}`, () => mirror.list(path12));
      count("mirror-cache", l.attempts);
      listed = usableList(l.result, path12);
      if (listed.kind === "ok") {
        held = listed.versions.includes(version);
        heldBy = "its version list";
        setStep(
          "mirror-cache",
          "ok",
          `the mirror's version list ${held ? "names" : "does not name"} ${version} (read instead of a cached-only view)`
        );
      } else if (listed.kind === "not-found") {
        held = false;
        heldBy = "its version list";
        setStep(
          "mirror-cache",
          "ok",
          `the mirror lists no version of ${path12}: ${firstLine3(listed.body)}`
        );
      } else {
        if (listed.deadline !== true) mirrorDown = listed.reason;
        setStep("mirror-cache", "unchecked", `could not read the version list: ${listed.reason}`);
      }
    }
  }
  let sum;
  const lookup = () => asker.ask(
    `${sumdb?.name ?? "checksum database"} record of ${mv()}`,
    () => sumdb?.lookup(path12, version) ?? Promise.reject(new Error("no checksum database"))
  );
  if (sumdb === void 0) {
    setStep(
      "sumdb",
      "skipped",
      `${BY_CONFIG}: ${ports.sumdbDisabled ?? "GOSUMDB is off for this module"}`
    );
  } else if (input.warm || held === true) {
    logger.info(`Looking up ${mv()} in ${sumdb.name}`);
    const l = await lookup();
    count("sumdb", l.attempts);
    sum = l.result;
  } else {
    const mirrorSays = held === false ? `the mirror does not hold ${mv()} (${heldBy} says so)` : `nothing says the mirror holds ${mv()}`;
    setStep(
      "sumdb",
      "unchecked",
      `not asked: ${sumdb.name} fetches a version it has no record of through the mirror, ${mirrorSays}, and warming is off`
    );
  }
  const S = sum?.kind === "found" ? { zip: sum.zipHash, mod: sum.goModHash } : void 0;
  const movedPerSumdb = S !== void 0 && !sameHashes(S, L);
  const acceptInfo = (w, base, step, attempts2) => {
    if (w.version !== version) {
      findings.push({
        code: "mirror-rejected",
        severity: "error",
        message: `${mirror?.url ?? "the mirror"} resolved ${path12}@${base} to ${w.version}, but the go command publishes this tag as ${version}`,
        ...atModule,
        fix: "Check which go.mod files the tagged commit holds (a go.mod at the root makes v2+ tags need a /vN module path; without one, v2+ tags become +incompatible)."
      });
      setStep(step, "failed", `the mirror answered ${w.version}`);
      if (step !== "origin") setStep("origin", "skipped", "nothing to compare");
      setStep("mirror-content", "skipped", "the mirror names another version");
      return;
    }
    mirrorInfo = w;
    if (step === "warm") {
      fetchedByUs = steps.get("mirror-cache")?.status === "ok";
      setStep("warm", "ok", `the mirror serves ${path12}@${w.version} (${attempts2})`);
    }
  };
  if (mirror !== void 0 && mirrorInfo === void 0) {
    const base = stripIncompatible(version);
    if (movedPerSumdb) {
      setStep("warm", "skipped", "not warmed: the checksum database already holds other bytes");
      setStep("origin", "skipped", "not warmed");
      setStep("mirror-content", "skipped", "not warmed");
    } else if (held === true) {
      setStep("warm", "skipped", `not needed: ${heldBy} names ${version}`);
      const i = await asker.ask(`${mirror.url} .info of ${mv()}`, () => mirror.info(path12, version));
      count("origin", i.attempts);
      const r = i.result;
      if (r.kind === "found") {
        acceptInfo(r, version, "origin", plural(i.attempts, "attempt"));
      } else if (r.kind === "not-found") {
        findings.push({
          code: "mirror-rejected",
          severity: "error",
          message: `${mirror.url} lists ${version} but answered "not found" for its .info: ${r.body.trimEnd()}`,
          fix: "Nobody can download this version through the mirror. Publish a new version and retract this one."
        });
        setStep("origin", "failed", firstLine3(r.body));
        setStep("mirror-content", "skipped", "the mirror does not serve the version it lists");
      } else {
        markUnreachable(r, ["origin", "mirror-content"]);
      }
    } else if (!input.warm) {
      setStep("warm", "skipped", `${BY_CONFIG}: warming is off`);
      setStep(
        "mirror-content",
        "unchecked",
        held === false ? `the mirror does not hold ${mv()} (${heldBy} says so) and warming is off: nothing to compare` : `could not learn whether the mirror holds ${mv()}, and warming is off`
      );
      setStep("origin", "skipped", "nothing to compare");
    } else {
      logger.info(`Asking ${mirror.url} to fetch ${path12}@${base}`);
      const w = await asker.ask(
        `${mirror.url} .info of ${path12}@${base} (makes the mirror fetch it)`,
        () => mirror.warm(path12, base, patience),
        { lag: (r2) => r2.kind === "not-found" && !r2.final, patience }
      );
      count("warm", w.attempts);
      const tries = plural(w.attempts, "attempt");
      const r = w.result;
      if (r.kind === "found") {
        acceptInfo(r, base, "warm", tries);
      } else if (r.kind === "unreachable") {
        markUnreachable(r, ["warm", "origin", "mirror-content"], {
          message: `could not reach the mirror ${mirror.url} for ${path12}@${base} (${tries}): ${r.reason}`,
          fix: mirror.unreachableFix ?? "Re-run the job; nothing about the module was decided."
        });
      } else if (r.final) {
        const body = r.body.trimEnd();
        findings.push({
          code: "mirror-rejected",
          severity: "error",
          message: `${mirror.url} answered "not found" for ${path12}@${base} (${tries}): ${body}`,
          ...atModule,
          fix: 'If the server text names a problem in the repository, fix it and tag a new version. A fresh tag can also meet a "not found" the mirror remembered from an earlier request for up to 30 minutes: re-run with a longer warm-timeout.'
        });
        setStep("warm", "failed", firstLine3(body));
        setStep("origin", "skipped", "nothing to compare");
        setStep("mirror-content", "skipped", "the mirror refused the version");
      } else if (w.end === "deadline") {
        for (const name of ["warm", "origin", "mirror-content"]) {
          setStep(
            name,
            "unchecked",
            `${asker.deadlineText} ran out while the mirror still answered "not found" (${tries})`
          );
        }
      } else {
        const body = r.body.trimEnd();
        findings.push({
          code: "unreachable",
          severity: "warning",
          message: `${mirror.url} still answered "not found" for ${path12}@${base} when warm-timeout ran out (${tries}): ${body}`,
          fix: "The mirror remembers a miss for up to 30 minutes when the version was requested before the tag existed. Re-run the job later, or raise warm-timeout."
        });
        setStep("warm", "unchecked", firstLine3(body));
        setStep("origin", "unchecked", "the mirror does not serve the version yet");
        setStep("mirror-content", "unchecked", "the mirror does not serve the version yet");
      }
    }
  }
  let originSame;
  let mirrorZip;
  let M;
  if (mirror !== void 0 && mirrorInfo !== void 0) {
    const origin = mirrorInfo.origin;
    if (origin?.Hash === void 0 || origin.Hash === "") {
      setStep("origin", "skipped", "the mirror recorded no Origin for this version");
    } else if (origin.VCS !== void 0 && origin.VCS !== "git") {
      setStep("origin", "skipped", `Origin names a ${origin.VCS} repository`);
    } else {
      report.mirrorCommit = origin.Hash;
      originSame = origin.Hash.toLowerCase() === local.commit.toLowerCase();
      setStep("origin", "ok", `the mirror fetched ${origin.Ref ?? "the tag"} at ${origin.Hash}`);
    }
    logger.info(`Downloading ${mv()} .mod and .zip from ${mirror.url}`);
    const modAsked = await asker.ask(
      `${mirror.url} .mod of ${mv()}`,
      () => mirror.mod(path12, version)
    );
    const zipAsked = await asker.ask(
      `${mirror.url} .zip of ${mv()}`,
      () => mirror.zip(path12, version)
    );
    count("mirror-content", modAsked.attempts + zipAsked.attempts);
    const mod = modAsked.result;
    const zip = zipAsked.result;
    if (mod.kind === "ok" && zip.kind === "ok") {
      M = { zip: zip.h1, mod: mod.h1 };
      mirrorZip = zip;
      report.hashes.mirror = M;
      setStep("mirror-content", "ok", `the mirror serves ${zip.h1}`);
    } else {
      const problems = [mod, zip].filter((r) => r.kind !== "ok");
      const unreachable2 = problems.filter((r) => r.kind === "unreachable");
      if (unreachable2.length > 0) {
        markUnreachable(unreachable2[0], ["mirror-content"], {
          message: `could not download ${mv()} from ${mirror.url}: ${unreachable2.map((r) => r.reason).join("; ")}`,
          fix: mirror.unreachableFix ?? "Re-run the job; nothing about the module content was decided.",
          detail: "download failed"
        });
      } else {
        const text = problems.map((r) => r.kind === "not-found" ? r.body : r.kind === "invalid" ? r.reason : "").join("; ");
        findings.push({
          code: "mirror-rejected",
          severity: "error",
          message: `${mirror.url} named ${mv()} but does not serve its content: ${text}`,
          fix: "Nobody can download this version through the mirror. Publish a new version and retract this one."
        });
        setStep("mirror-content", "failed", firstLine3(text));
      }
    }
  }
  const listRead = listed !== void 0 && listed.kind !== "unreachable";
  let listUnavailable = mirror === void 0 ? `no mirror: ${ports.mirrorDisabled ?? "GOPROXY does not name one for this module"}` : listRead ? void 0 : mirrorDown !== void 0 ? `the mirror could not be reached: ${mirrorDown}` : asker.outOfTime !== void 0 ? `${asker.deadlineText} ran out` : void 0;
  if (mirror !== void 0 && listUnavailable === void 0 && listed === void 0) {
    const l = await asker.ask(`${mirror.url} version list of ${path12}`, () => mirror.list(path12));
    listed = usableList(l.result, path12);
    if (listed.kind === "unreachable" && listed.deadline === true) {
      listUnavailable = `${asker.deadlineText} ran out`;
    }
  }
  const counted = mirror === void 0 ? void 0 : {
    ...mirror,
    list: () => Promise.resolve(listed ?? { kind: "ok", versions: [] }),
    mod: async (p, v) => (await asker.ask(`${mirror.url} .mod of ${p}@${v}`, () => mirror.mod(p, v))).result
  };
  findings.push(
    ...await retractionFindings({
      local,
      ...counted !== void 0 ? { mirror: counted } : {},
      ...listUnavailable !== void 0 ? { noMirror: listUnavailable } : {},
      logger
    })
  );
  if (sumdb !== void 0 && sum !== void 0) {
    if (sum.kind === "not-found" && input.warm && mirrorInfo !== void 0) {
      const again = await asker.ask(
        `${sumdb.name} record of ${mv()}`,
        () => sumdb.lookup(path12, version),
        { lag: (r) => r.kind === "not-found", patience }
      );
      count("sumdb", again.attempts);
      sum = again.result;
    }
    if (sum.kind === "found") {
      report.hashes.sumdb = { zip: sum.zipHash, mod: sum.goModHash };
      setStep("sumdb", "ok", `${sumdb.name} records ${sum.zipHash}`);
    } else if (sum.kind === "not-found") {
      findings.push({
        code: "unreachable",
        severity: "warning",
        message: `${sumdb.name} has no record of ${mv()}: ${sum.body}`,
        fix: "The checksum database may not have fetched the version yet: re-run the job later."
      });
      setStep("sumdb", "unchecked", firstLine3(sum.body));
    } else if (sum.kind === "unverifiable") {
      findings.push({
        code: "sumdb-unverifiable",
        severity: "error",
        message: `the answer of ${sumdb.name} for ${mv()} does not verify: ${sum.reason}`,
        fix: "Do not publish on this answer. Re-run without a stale tree-head cache (sumdb-cache); if it persists, the log or the path to it is compromised: report it to security@golang.org."
      });
      setStep("sumdb", "failed", sum.reason);
    } else {
      markUnreachable(sum, ["sumdb"], {
        message: `could not reach the checksum database ${sumdb.name}: ${sum.reason}`,
        fix: sumdb.unreachableFix ?? "Re-run the job; nothing about the checksums was decided."
      });
    }
  }
  const S2 = sum?.kind === "found" ? { zip: sum.zipHash, mod: sum.goModHash } : void 0;
  const mirrorVsSumdb = M !== void 0 && S2 !== void 0 && !sameHashes(M, S2);
  const publishedDiffers = S2 !== void 0 && !sameHashes(S2, L) || S2 === void 0 && M !== void 0 && !sameHashes(M, L);
  const ourRebuildDiffers = publishedDiffers && M !== void 0 && !sameHashes(M, L) && (originSame === true || originSame === void 0 && fetchedByUs && S2 === void 0);
  const needDiff = publishedDiffers || mirrorVsSumdb;
  if (needDiff && mirrorZip !== void 0) {
    report.diff = await compareZips(mirrorZip, {
      files: local.zipFiles,
      readFile: (name) => local.readFile(name)
    });
  }
  const diffSummary = report.diff === void 0 ? "" : ` Files: ${report.diff.added.length} added, ${report.diff.removed.length} removed, ${report.diff.changed.length} changed.`;
  if (publishedDiffers && ourRebuildDiffers) {
    findings.push({
      code: "build-mismatch",
      severity: "warning",
      message: `the mirror built ${mv()} from commit ${local.commit}, the commit the tag names, but got other bytes than modseal's rebuild: ${whichDiffer(S2 ?? M ?? {}, L)}.${diffSummary}`,
      fix: "What the mirror serves is what users get. Please report this to modseal with the file list below; the release itself may be fine."
    });
    setStep("mirror-content", "unchecked", "the local rebuild disagrees with the mirror");
  } else if (publishedDiffers) {
    const where = S2 !== void 0 && !sameHashes(S2, L) ? `${sumdb?.name ?? "the checksum database"} records` : `${mirror?.url ?? "the mirror"} serves`;
    const holds = report.mirrorCommit !== void 0 ? ` (the mirror fetched commit ${report.mirrorCommit})` : "";
    findings.push({
      code: "tag-moved",
      severity: "error",
      message: `${input.tag} now points at ${local.commit}, but ${where} other bytes for ${mv()}${holds}: ${whichDiffer(S2 ?? M ?? {}, L)}.${diffSummary}`,
      ...atModule
    });
  }
  if (mirrorVsSumdb && M !== void 0 && S2 !== void 0) {
    findings.push({
      code: "sumdb-mismatch",
      severity: "error",
      message: `${mirror?.url ?? "the mirror"} serves ${mv()} with zip ${M.zip ?? "?"} and go.mod ${M.mod ?? "?"}, but ${sumdb?.name ?? "the checksum database"} records zip ${S2.zip ?? "?"} and go.mod ${S2.mod ?? "?"}.${diffSummary}`,
      fix: "Every go command that verifies checksums refuses what the mirror serves. If the mirror is not yours, report it to its operator (proxy.golang.org: security@golang.org)."
    });
  }
  const tagMoved = findings.some((f) => f.code === "tag-moved");
  if (originSame === false && !tagMoved) {
    const contentAgrees = M !== void 0 && sameHashes(M, L) && (S2 === void 0 || sameHashes(S2, L));
    findings.push({
      code: "origin-mismatch",
      severity: contentAgrees ? "warning" : "error",
      message: `the mirror fetched ${mirrorInfo?.origin?.Ref ?? input.tag} at commit ${report.mirrorCommit ?? "?"}, but ${input.tag} now points at ${local.commit}` + (contentAgrees ? "; the module content is identical, so users get the same bytes." : "."),
      ...atModule,
      ...contentAgrees ? { fix: "Published tags should not move: the mirror keeps the commit it saw first." } : {}
    });
    if (!contentAgrees)
      setStep("origin", "failed", `the mirror fetched ${report.mirrorCommit ?? "?"}`);
  } else if (originSame === false) {
    setStep("origin", "failed", `the mirror fetched ${report.mirrorCommit ?? "?"}`);
  }
  const remedyCaveat = () => {
    if (listed?.kind === "ok" || listed?.kind === "not-found") return void 0;
    const base = stripIncompatible(version);
    const others = (local.existingVersions ?? []).filter((v) => v !== base && v !== version);
    if (local.shallow !== true && others.length > 0) return void 0;
    const checkout = local.shallow === true ? "this checkout is shallow (actions/checkout fetches only the pushed tag unless fetch-depth: 0)" : `this checkout has no other version tag of ${path12}`;
    const why = listed?.kind === "unreachable" ? listed.reason : listUnavailable ?? "it was not asked";
    return `This advice may be wrong: ${checkout}, and the mirror's version list could not be read (${why}), so a version above ${version} may already be published. The go command reads retract lines only from the highest version: find it with \`git ls-remote --tags origin\` or \`go list -m -versions ${path12}\`, and publish above it.`;
  };
  const broken = findings.filter(
    (f) => f.severity === "error" && (f.code === "tag-moved" || f.code === "origin-mismatch")
  );
  const next = broken.length > 0 ? nextVersion(version, [
    ...local.existingVersions ?? [],
    ...listed?.kind === "ok" ? listed.versions : [],
    ...S2 !== void 0 ? [version] : []
  ]) : "";
  if (next !== "") {
    const retract = `retract ${version} // tag ${input.tag} moved after publication; use ${next}`;
    report.remedy = { nextVersion: next, retract };
    const caveat = remedyCaveat();
    if (caveat !== void 0) report.remedy.caveat = caveat;
    const fix = `The mirror and the checksum database keep the first bytes of ${version} forever: it cannot be repaired, only replaced. Publish ${next} from the commit you want, with this line added to go.mod:
    ${retract}` + (caveat !== void 0 ? `
${caveat}` : "");
    for (const f of broken) f.fix = fix;
  }
  if (version.endsWith("+incompatible")) {
    findings.push({
      code: "incompatible",
      severity: "warning",
      message: `${path12} has no go.mod at ${input.tag}, so the go command publishes ${version}: a major version 2 or later without the /v${version.slice(1).split(".")[0] ?? ""} module path suffix.`,
      ...atModule,
      fix: `Consumers get +incompatible versions only by asking for them explicitly once any v0/v1 release contains a go.mod: the go command then ignores +incompatible versions for @latest and upgrades. To publish v2 and later properly, add a go.mod declaring "module ${path12}/v${version.slice(1).split(".")[0] ?? ""}" and tag from there.`
    });
  }
  return finish();
}
var TIMEOUT_MARGIN_MS, BY_CONFIG, STEP_ORDER, stripIncompatible, plural;
var init_release = __esm({
  "src/checks/release.ts"() {
    "use strict";
    init_module();
    init_semver2();
    init_asker();
    init_types2();
    init_retractions();
    init_version();
    init_zip_compare();
    TIMEOUT_MARGIN_MS = 5 * 6e4;
    BY_CONFIG = "skipped by configuration";
    STEP_ORDER = [
      "local",
      "mirror-cache",
      "warm",
      "origin",
      "mirror-content",
      "sumdb"
    ];
    stripIncompatible = (v) => v.replace(/\+incompatible$/, "");
    plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  }
});

// src/sumdb/errors.ts
function hex8(n) {
  return (n >>> 0).toString(16).padStart(8, "0");
}
var SumdbError, InvalidKeyError, MalformedNoteError, InvalidSignatureError, UnverifiedNoteError, WrongKeyError, WrongNameError, MalformedTreeError, MalformedRecordError, MalformedTilePathError, InvalidProofError, InconsistentTileError, RecordMismatchError, RecordOutOfRangeError, TreeRollbackError, ServerMisbehaviorError, SumdbHttpError, SumdbNotFoundError;
var init_errors4 = __esm({
  "src/sumdb/errors.ts"() {
    "use strict";
    SumdbError = class extends Error {
      name = "SumdbError";
      code = "internal";
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
      constructor(path12) {
        super(`malformed tile path ${JSON.stringify(path12)}`);
        this.path = path12;
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
      code = "http";
    };
    SumdbNotFoundError = class extends SumdbHttpError {
      name = "SumdbNotFoundError";
      code = "not-found";
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
    init_errors4();
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
    init_errors4();
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
    init_errors4();
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
function parseTilePath(path12) {
  const bad = () => {
    throw new MalformedTilePathError(path12);
  };
  let f = path12.split("/");
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
  if (tilePath(t) !== path12) bad();
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
    init_errors4();
    init_tlog();
    PATH_BASE = 1e3;
    key = (t) => `${t.h}/${t.l}/${t.n}/${t.w}`;
  }
});

// src/sumdb/tree-cache.ts
import { mkdir as mkdir3, open as open2, readFile, rename as rename3, rm as rm4, stat as stat4, writeFile as writeFile2 } from "node:fs/promises";
import path7 from "node:path";
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
      const fh = await open2(lockPath, "wx");
      await fh.close();
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      const st = await stat4(lockPath).catch(() => void 0);
      if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) {
        await rm4(lockPath, { force: true });
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
    await rm4(lockPath, { force: true });
  }
}
async function readIfExists(file) {
  try {
    return await readFile(file);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
}
function fileTreeCache(file) {
  return {
    read: () => readIfExists(file),
    async compareAndSwap(old, next) {
      await mkdir3(path7.dirname(file), { recursive: true });
      return withLock(`${file}.lock`, async () => {
        if (!same(await readIfExists(file), old)) return false;
        const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
        await writeFile2(tmp, next);
        await rename3(tmp, file);
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
    init_errors4();
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
    init_errors4();
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
      async lookup(path12, version) {
        const vers = version.endsWith("/go.mod") ? version.slice(0, -"/go.mod".length) : version;
        const prefix = `${path12}@${version}: `;
        try {
          await this.initialize();
          let remote;
          try {
            remote = `/lookup/${escapePath(path12)}@${escapeVersion(vers)}`;
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
          const lines = record.split("\n").filter((l) => l.startsWith(`${path12} ${vers} `) || l.startsWith(`${path12} ${vers}/go.mod `));
          const hashOf = (p) => lines.find((l) => l.startsWith(p) && l.slice(p.length).startsWith("h1:"))?.slice(p.length);
          return {
            id: rec.id,
            lines,
            zipHash: hashOf(`${path12} ${vers} `),
            goModHash: hashOf(`${path12} ${vers}/go.mod `),
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
          const where = older.n === newer.n ? `checking tree#${older.n}: ` : `checking tree#${older.n} against tree#${newer.n}: `;
          if (presentedIsOlder && older.n < newer.n) {
            throw new TreeRollbackError(
              `${where}${errorMessage(e)}
(the server presents a tree of size ${older.n} but a tree of size ${newer.n} was verified before, and the older tree cannot be proven a prefix of it)`,
              newer.n,
              older.n
            );
          }
          if (e instanceof SumdbError) throw e.withPrefix(where);
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
    init_errors4();
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

// src/checks/wire.ts
import { readFile as readFileFs } from "node:fs/promises";
async function buildLocal(repo, tag, modulePath2) {
  const bare = tag.replace(/^refs\/tags\//, "");
  const { tags } = await repo.refs();
  const commit = tags.get(bare);
  if (commit === void 0) {
    const hint = repo.shallow ? " This is a shallow clone: fetch the tag (`git fetch --tags`, or `fetch-depth: 0` with actions/checkout)." : " Push or fetch the tag first, or name another with --tag / the `tag` input.";
    throw new InputError(`tag ${JSON.stringify(bare)} does not exist in ${repo.dir}.${hint}`);
  }
  const { codeDir, version: tagVersion } = splitTag(bare);
  if (tagVersion === void 0) {
    throw new InputError(
      `tag ${JSON.stringify(bare)} is not a module version tag: Go publishes tags like v1.2.3 or sub/dir/v1.2.3`
    );
  }
  const watch = watchRepositoryErrors(gitCodeHost(repo));
  const probe = watch.watched;
  const goModPathAt = (dir) => dir === "" ? "go.mod" : `${dir}/go.mod`;
  const base = {
    tag: bare,
    tagRef: `refs/tags/${bare}`,
    commit,
    zipFiles: /* @__PURE__ */ new Map(),
    readFile: () => Promise.resolve(void 0),
    retractions: []
  };
  if (canonical(tagVersion) !== tagVersion) {
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
    existingVersions: [...tags.keys()].map((t) => splitTag(t)).filter((t) => t.codeDir === codeDir && t.version !== void 0).map((t) => t.version).filter((v) => canonical(v) === v),
    shallow: repo.shallow
  };
  if (built.sum !== void 0) local.sum = built.sum;
  if (built.goMod !== void 0) local.goMod = built.goMod;
  if (built.error !== void 0) {
    if (built.error.startsWith("create zip: ")) local.zipError = { text: built.error };
    else local.versionError = { text: built.error };
  }
  const goModBytes = await repo.readBlob(commit, goModPath);
  if (goModBytes !== void 0) {
    const declared = modulePath(goModBytes);
    if (declared !== "") local.declaredModulePath = declared;
    try {
      const file = parseLax(goModPath, goModBytes);
      if (file.module !== void 0) {
        local.moduleLine = { line: file.module.line, column: file.module.column };
      }
      const dep = deprecation(file);
      if (dep !== void 0) local.deprecated = dep;
      local.retractions = file.retract.map((r) => ({
        low: r.low,
        high: r.high,
        rationale: r.rationale,
        line: r.line
      }));
    } catch {
    }
  }
  if (built.files !== void 0) {
    local.zipFiles = new Map(built.files.kept.map((f) => [f.path, f.sha256]));
    local.readFile = lazyArchiveReader(repo, commit, moduleDir, new Set(local.zipFiles.keys()));
  }
  return local;
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
function unreachable(what, e) {
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
  return e instanceof NotFoundError ? { kind: "not-found", body: e.body } : unreachable(what, e);
}
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
    async cached(path12, version) {
      if (cachedClient === void 0) return { kind: "unsupported" };
      try {
        return infoFound((await cachedClient.info(path12, version)).value);
      } catch (e) {
        return mirrorFailure("cached-only lookup", e);
      }
    },
    async warm(path12, version) {
      const r = await warmOnce(client, path12, version);
      switch (r.status) {
        case "ready":
          return infoFound(r.info);
        case "refused":
          return { kind: "not-found", body: r.body, final: true };
        case "lag":
          return { kind: "not-found", body: r.body, final: false };
        case "error":
          return unreachable("warming", r.error);
      }
    },
    async info(path12, version) {
      try {
        return infoFound((await client.info(path12, version)).value);
      } catch (e) {
        return mirrorFailure("reading .info", e);
      }
    },
    async mod(path12, version) {
      try {
        const data = (await client.mod(path12, version)).value;
        return { kind: "ok", h1: hashGoMod(data), data };
      } catch (e) {
        return mirrorFailure("downloading .mod", e);
      }
    },
    async list(path12) {
      try {
        return { kind: "ok", versions: (await client.list(path12)).value.map((v) => v.version) };
      } catch (e) {
        return mirrorFailure("listing versions", e);
      }
    },
    async zip(path12, version) {
      let zipPath;
      let h1;
      try {
        ({ zipPath, h1 } = (await client.downloadZip(path12, version, opts.workDir)).value);
      } catch (e) {
        if (e instanceof ProtocolError) return { kind: "invalid", reason: e.message };
        return mirrorFailure("downloading .zip", e);
      }
      const prefix = `${path12}@${version}/`;
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
  const { createHash: createHash8 } = await import("node:crypto");
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
function sumdbPort(client) {
  return {
    name: client.name,
    async lookup(path12, version) {
      try {
        const r = await client.lookup(path12, version);
        if (r.zipHash === void 0 || r.goModHash === void 0) {
          return {
            kind: "unverifiable",
            reason: `the record for ${path12}@${version} lacks an h1 line:
${r.record}`
          };
        }
        return { kind: "found", zipHash: r.zipHash, goModHash: r.goModHash };
      } catch (e) {
        if (e instanceof SumdbNotFoundError) return { kind: "not-found", body: e.message };
        if (e instanceof SumdbHttpError) return unreachable("checksum database", e);
        if (e instanceof SumdbError) return { kind: "unverifiable", reason: e.message };
        return unreachable("checksum database", e);
      }
    }
  };
}
function effectiveEnv(req, base) {
  const merged = { ...base };
  if (req.goproxy !== void 0 && req.goproxy !== "") merged.GOPROXY = req.goproxy;
  if (req.gosumdb !== void 0 && req.gosumdb !== "") merged.GOSUMDB = req.gosumdb;
  if (req.goprivate !== void 0 && req.goprivate !== "") merged.GOPRIVATE = req.goprivate;
  if (req.gonosumdb !== void 0 && req.gonosumdb !== "") merged.GONOSUMDB = req.gonosumdb;
  return goEnvFromProcess(merged);
}
async function readNetrc(file) {
  if (file === void 0 || file === "") return [];
  try {
    return parseNetrc(await readFileFs(file, "utf8"));
  } catch {
    return [];
  }
}
function createReleaseCheckWith(options2) {
  return async (req) => {
    const clock = options2.clock ?? systemClock;
    const timeoutMs = req.timeoutMs ?? defaultTimeoutMs(req.warmTimeoutMs);
    const deadline = clock.now() + timeoutMs;
    const env = effectiveEnv(req, options2.env ?? process.env);
    const entries = parseGoproxy(env.GOPROXY);
    const sumdbSetting = parseGoSumdb(env.GOSUMDB);
    const repo = await openRepo(req.repoDir);
    const local = await buildLocal(repo, req.tag, req.modulePath);
    const privateProxies = entries.map((e) => e.url).filter((u) => u !== "direct" && u !== "off");
    const baseHttp = options2.http ?? createNodeHttpClient({
      credentials: createCredentials({
        token: req.proxyToken === void 0 || req.proxyToken === "" ? void 0 : `Bearer ${req.proxyToken}`,
        netrc: await readNetrc(env.NETRC),
        privateProxies
      }),
      // HTTPS_PROXY/HTTP_PROXY/NO_PROXY, read as the go command reads them.
      proxyEnv: options2.env ?? process.env
    });
    const http4 = withDeadline(baseHttp, {
      deadline,
      clock,
      label: `the check's deadline (timeout ${formatDuration(timeoutMs)})`
    });
    const workDir = await makeTempDir("modseal-verify-");
    try {
      const ports = {
        local: { build: () => Promise.resolve(local) },
        clock,
        logger: options2.logger
      };
      const usable = entries.filter((e) => e.url !== "direct" && e.url !== "off");
      if (local.modulePath !== "" && !useProxyFor(env, local.modulePath)) {
        ports.mirrorDisabled = `GONOPROXY/GOPRIVATE matches ${local.modulePath}`;
      } else if (usable.length === 0) {
        ports.mirrorDisabled = `GOPROXY=${env.GOPROXY} names no module proxy (modseal never fetches from version control)`;
      } else {
        ports.mirror = {
          ...goproxyMirror({
            entries,
            env,
            http: http4,
            clock,
            workDir,
            ...options2.cachedOnlyHosts !== void 0 ? { cachedOnlyHosts: options2.cachedOnlyHosts } : {}
          }),
          unreachableFix: unreachableFix("the mirror", usable[0].url, options2.env ?? process.env)
        };
      }
      if (sumdbSetting.off) {
        ports.sumdbDisabled = "GOSUMDB=off";
      } else if (local.modulePath !== "" && !useSumdbFor(env, local.modulePath)) {
        ports.sumdbDisabled = `GONOSUMDB/GOPRIVATE matches ${local.modulePath}`;
      } else {
        const baseUrl = await sumdbBaseForRequest(sumdbSetting, entries, http4);
        if (sumdbSetting.url === void 0 && usable.length > 0) {
          options2.logger.info(
            `${usable.map((e) => redactUrl(e.url)).join(",")} /sumdb/${sumdbSetting.name}/supported: ` + (typeof baseUrl === "string" ? `using ${redactUrl(baseUrl)}` : baseUrl.reason.split("\n", 1)[0])
          );
        }
        const sumdbFix = unreachableFix(
          "the checksum database",
          typeof baseUrl === "string" ? baseUrl : sumdbSetting.directUrl,
          options2.env ?? process.env
        );
        if (typeof baseUrl !== "string") {
          ports.sumdb = {
            name: sumdbSetting.name,
            unreachableFix: sumdbFix,
            lookup: () => Promise.resolve(baseUrl)
          };
        } else {
          const client = new SumdbClient({
            name: sumdbSetting.name,
            verifierKey: sumdbSetting.verifierKey,
            baseUrl,
            http: http4,
            timeoutMs: SUMDB_REQUEST_MS,
            treeCache: req.sumdbCache === void 0 || req.sumdbCache === "" ? memoryTreeCache() : fileTreeCache(req.sumdbCache)
          });
          ports.sumdb = { ...sumdbPort(client), unreachableFix: sumdbFix };
        }
      }
      return await runReleaseCheck(
        { tag: req.tag, warm: req.warm, warmTimeoutMs: req.warmTimeoutMs, timeoutMs, deadline },
        ports
      );
    } finally {
      await removeTempDir(workDir);
    }
  };
}
async function sumdbBaseForRequest(setting, entries, http4) {
  try {
    return await sumdbBaseUrl(
      setting,
      entries.map((e) => ({ url: e.url, fallBackOnError: e.fallback === "any" })),
      http4,
      SUMDB_REQUEST_MS
    );
  } catch (e) {
    if (e instanceof SkippedError) return unreachable("checksum database", e);
    return unreachable("finding the checksum database", e);
  }
}
var MAX_DIFF_FILE, SUMDB_REQUEST_MS;
var init_wire = __esm({
  "src/checks/wire.ts"() {
    "use strict";
    init_dirhash();
    init_dirhash();
    init_git();
    init_goproxy();
    init_errors();
    init_temp_dirs();
    init_modfile();
    init_modfetch();
    init_semver2();
    init_sumdb();
    init_asker();
    init_release();
    MAX_DIFF_FILE = 1 << 20;
    SUMDB_REQUEST_MS = 6e4;
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
      const where = f.file ? ` ${f.file}${f.line ? `:${f.line}` : ""}${f.column ? `:${f.column}` : ""}` : "";
      out.push(`  ${f.severity} ${f.code}${where}`);
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
async function tagAtHead(repoDir) {
  const repo = await openRepo(repoDir);
  const { tags, head } = await repo.refs();
  const byModuleDir = /* @__PURE__ */ new Map();
  for (const [name, commit] of tags) {
    const { codeDir, version } = splitTag(name);
    if (commit !== head || version === void 0) continue;
    byModuleDir.set(codeDir, [...byModuleDir.get(codeDir) ?? [], name]);
  }
  if (byModuleDir.size === 0) {
    throw new InputError(
      `no version tag points at HEAD in ${repoDir}: pass --tag (e.g. --tag v1.2.3)`
    );
  }
  if (byModuleDir.size > 1) {
    const all = [...byModuleDir.values()].flat().sort();
    throw new InputError(
      `HEAD carries version tags of several modules (${all.join(", ")}): pass --tag to choose one`
    );
  }
  const [names = []] = byModuleDir.values();
  names.sort((a, b) => compare(splitTag(b).version, splitTag(a).version) || (a < b ? -1 : 1));
  return names[0];
}
function checkFlag(flag, value, parse3) {
  try {
    parse3(value);
  } catch (e) {
    throw new InputError(`${flag}: ${errorMessage(e)}`);
  }
}
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
    let warmTimeoutMs = 10 * 6e4;
    if (values["warm-timeout"] !== void 0) {
      const ms = parseDuration(values["warm-timeout"]);
      if (ms === void 0 || ms > MAX_WARM_MS) {
        throw new InputError(
          `--warm-timeout ${JSON.stringify(values["warm-timeout"])} is not a duration up to 6h (examples: 90s, 10m, 1h30m)`
        );
      }
      warmTimeoutMs = ms;
    }
    let timeoutMs = defaultTimeoutMs(warmTimeoutMs);
    if (values.timeout !== void 0) {
      const ms = parseDuration(values.timeout);
      if (ms === void 0 || ms <= 0 || ms > MAX_WARM_MS + TIMEOUT_MARGIN_MS) {
        throw new InputError(
          `--timeout ${JSON.stringify(values.timeout)} is not a duration up to 6h5m (examples: 90s, 15m, 1h30m)`
        );
      }
      timeoutMs = ms;
    }
    const repoDir = path8.resolve(io.cwd, values.repo ?? ".");
    const tag = values.tag ?? await tagAtHead(repoDir);
    const request = {
      repoDir,
      tag,
      warm: values["no-warm"] !== true,
      warmTimeoutMs,
      timeoutMs
    };
    if (values.module !== void 0) request.modulePath = values.module;
    if (values.proxy !== void 0) {
      checkFlag("--proxy", values.proxy, parseGoproxy);
      request.goproxy = values.proxy;
    }
    if (values.sumdb !== void 0) {
      checkFlag("--sumdb", values.sumdb, parseGoSumdb);
      request.gosumdb = values.sumdb;
    }
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
    const check2 = createReleaseCheckWith({ ...wiring, logger, env: io.env });
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
    init_release();
    init_wire();
    init_git();
    init_goproxy();
    init_duration();
    init_errors();
    init_modfetch();
    init_json();
    init_text2();
    init_semver2();
    init_sumdb();
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

// src/demo/demo-repo.ts
import { spawn as spawn2 } from "node:child_process";
import { mkdir as mkdir4, writeFile as writeFile3 } from "node:fs/promises";
import path9 from "node:path";
function runGit(dir, args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn2("git", args, {
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
        await mkdir4(dir, { recursive: true });
        await runGit(dir, ["init", "--quiet", "--initial-branch=main"]);
        return new _DemoRepo(dir);
      }
      /** Writes files (path → content) into the work tree. */
      async write(files2) {
        for (const [name, content] of Object.entries(files2)) {
          const file = path9.join(this.dir, ...name.split("/"));
          await mkdir4(path9.dirname(file), { recursive: true });
          await writeFile3(file, content);
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

// src/demo/mirror-server.ts
import http2 from "node:http";
import path10 from "node:path";
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
      "content-type": contentTypes[path10.posix.extname(rel)] ?? "text/plain; charset=utf-8",
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
var init_mirror_server = __esm({
  "src/demo/mirror-server.ts"() {
    "use strict";
    init_module();
    init_semver2();
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

// src/demo/sumdb-server.ts
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
var init_sumdb_server = __esm({
  "src/demo/sumdb-server.ts"() {
    "use strict";
    init_module();
    init_sumdb();
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
      async add(path12, version, text) {
        const key2 = `${path12}@${version}`;
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
        let path12;
        let vers;
        try {
          path12 = unescapePath(mod.slice(0, i));
          vers = unescapeVersion(mod.slice(i + 1));
        } catch (e) {
          return { status: 500, body: `${e.message}
` };
        }
        const key2 = `${path12}@${vers}`;
        let id = this.log.ids.get(key2);
        if (id === void 0) {
          const text2 = this.missing(path12, vers);
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
import { mkdtemp as mkdtemp2, rm as rm5 } from "node:fs/promises";
import os2 from "node:os";
import path11 from "node:path";
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
  const root = await mkdtemp2(path11.join(options2.tmpDir ?? os2.tmpdir(), "modseal-demo-"));
  let mirror;
  let sumdb;
  try {
    const repo = await DemoRepo.init(path11.join(root, "hello"));
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
    const check2 = createReleaseCheckWith({
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
    await rm5(root, { recursive: true, force: true });
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
    init_wire();
    init_errors();
    init_text2();
    init_demo_repo();
    init_mirror_server();
    init_publish();
    init_sumdb_server();
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
var USAGE3, demoCommand;
var init_demo_command = __esm({
  "src/cli/demo-command.ts"() {
    "use strict";
    init_run_demo();
    init_io();
    USAGE3 = `usage: modseal demo

Creates a throwaway git repository, publishes its v1.0.0 to a mirror and a
checksum database on 127.0.0.1, runs the release gate (it passes), moves the
tag, runs the gate again and prints the report a maintainer would see. Needs
git, no Go toolchain and no network. Exits 0 when the demo behaved as
expected (the second run failing is the expected outcome).
`;
    demoCommand = async (argv, io) => {
      if (argv.length === 1 && (argv[0] === "--help" || argv[0] === "-h")) {
        io.stdout(USAGE3);
        return EXIT_PASS;
      }
      if (argv.length > 0) {
        io.stderr(`modseal demo: unexpected arguments: ${argv.join(" ")}

${USAGE3}`);
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
import os3 from "node:os";

// src/cli/version.ts
import { readFileSync } from "node:fs";
function modsealVersion() {
  if (true) return "0.1.0";
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return pkg.version;
}

// src/cli/main.ts
var USAGE4 = `usage: modseal <command> [flags]
       modseal --version

commands:
  hash     print the go.sum lines Go would record for a tagged commit
  verify   check a tag against the Go module mirror and checksum database
  demo     run the release gate offline against a throwaway repository

Run 'modseal <command> --help' for the flags of a command.

exit status: 0 pass, 1 fail, 2 usage, input or internal error,
3 inconclusive, 130/143 interrupted (SIGINT/SIGTERM)
`;
var commands = {
  hash: async () => (await Promise.resolve().then(() => (init_hash_command(), hash_command_exports))).hashCommand,
  verify: async () => (await Promise.resolve().then(() => (init_verify_command(), verify_command_exports))).verifyCommand,
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
    (name === void 0 ? io.stderr : io.stdout)(USAGE4);
    return name === void 0 ? EXIT_INPUT : EXIT_PASS;
  }
  const load = commands[name];
  if (load === void 0) {
    const flag = name.startsWith("-") ? "flag" : "command";
    io.stderr(`modseal: unknown ${flag} ${JSON.stringify(name)}

${USAGE4}`);
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
    const where = os3.tmpdir();
    process.exitCode = reportError(
      command,
      args,
      new InputError(
        `cannot create a temporary folder in ${where} (${errorMessage(e)}): set TMPDIR to a writable folder`
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
