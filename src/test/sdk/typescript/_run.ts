// Runs a script's main with the base URL from the command line and sets its exit code: 0 only when main
// completes (a promise left pending with nothing to wait for would otherwise end the process with 0);
// a failed call prints what the service answered.
import { ResponseError } from "backprop-client";

export function run(main: (base: string) => Promise<void>): void {
  process.exitCode = 1;
  main(process.argv[2].replace(/\/$/, "")).then(() => { process.exitCode = 0; }, async (e: unknown) => {
    if (e instanceof ResponseError) {
      console.error(`${e.response.url} answered ${e.response.status}: ${await e.response.text()}`);
    }
    console.error(e);
    process.exit(1);
  });
}
