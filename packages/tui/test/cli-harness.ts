import { runCli } from '../src/cli/program.js';

/** Runs artos-net in-process and captures what it prints and its exit code. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = { stdout: '', stderr: '', isTty: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
