import { createInterface } from 'node:readline';

/** Asks for a secret on the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no terminal to ask for the password: set VIGIL_PASSWORD');
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) write.call(rl, question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
