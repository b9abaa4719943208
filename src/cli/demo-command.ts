// `modseal demo`: the release gate end to end, offline, in a few seconds —
// the README's "see it work". The work is in src/demo/; this is the CLI face.
import { runDemo } from '../demo/run-demo.js';
import { EXIT_FAIL, EXIT_INPUT, EXIT_PASS, type CliIo, type Command } from './io.js';

const USAGE = `usage: modseal demo

Creates a throwaway git repository, publishes its v1.0.0 to a mirror and a
checksum database on 127.0.0.1, runs the release gate (it passes), moves the
tag, runs the gate again and prints the report a maintainer would see. Needs
git, no Go toolchain and no network. Exits 0 when the demo behaved as
expected (the second run failing is the expected outcome).
`;

/** Runs the offline demo; exit 0 when it behaved as expected. */
export const demoCommand: Command = async (argv: string[], io: CliIo) => {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    io.stdout(USAGE);
    return EXIT_PASS;
  }
  if (argv.length > 0) {
    io.stderr(`modseal demo: unexpected arguments: ${argv.join(' ')}\n\n${USAGE}`);
    return EXIT_INPUT;
  }
  const outcome = await runDemo(io);
  return outcome.asExpected ? EXIT_PASS : EXIT_FAIL;
};
