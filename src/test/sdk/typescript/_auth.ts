// The run's API key, from BACKPROP_API_KEY (.ci/run makes a fresh one per run), and the generated client's
// configuration that sends it as a bearer token.
import { Configuration } from "backprop-client";

export function apiKey(): string {
  const key = process.env.BACKPROP_API_KEY;
  if (!key) throw new Error("BACKPROP_API_KEY is not set: the SDK runs call the service with an API key");
  return key;
}

export function configuration(basePath: string): Configuration {
  return new Configuration({ basePath, accessToken: apiKey() });
}

/** The header that carries the key on requests made without the generated client. */
export function authorization(): { Authorization: string } {
  return { Authorization: `Bearer ${apiKey()}` };
}
