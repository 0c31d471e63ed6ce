// The seed walkthrough through the generated TypeScript client (typescript-fetch), typed models only:
// y = (w + x)(w + 1) with w = 1 and x = 2; backward gives w.grad 5 and x.grad 2, and a second backward
// through the freed graph is PyTorch's error, read as a typed Problem.
// Usage: node walkthrough.js BASE_URL   (BASE_URL is the service's root, e.g. http://127.0.0.1:8080)
import { strict as assert } from "node:assert";
import {
  AutogradApi, Configuration, CreateTensorDtypeEnum, OpsApi, ProblemFromJSON, ResponseError, SessionsApi, TensorsApi,
} from "backprop-client";
import { run } from "./_run";

async function main(base: string): Promise<void> {
  const config = new Configuration({ basePath: base });
  const sessions = new SessionsApi(config);
  const tensors = new TensorsApi(config);
  const ops = new OpsApi(config);
  const autograd = new AutogradApi(config);

  const session = await sessions.createSession({ createSession: {} });
  const sid = session.id;
  assert.equal(typeof sid, "string", `createSession answered ${JSON.stringify(session)}`);

  // JSON.stringify writes 1.0 as 1, which the service (as torch.tensor) reads as int64: the dtype says float32.
  for (const [name, value] of [["w", 1.0], ["x", 2.0]] as const) {
    const tensor = await tensors.createTensor({
      sid, createTensor: { name, data: [value], dtype: CreateTensorDtypeEnum.Float32, requiresGrad: true },
    });
    assert.deepEqual([tensor.name, tensor.requiresGrad, tensor.isLeaf, tensor.data], [name, true, true, [value]]);
  }

  const answer = await ops.runOps({
    sid,
    op: {
      ops: [
        { op: "add", inputs: ["w", "x"], out: "a" },
        { op: "add", inputs: ["w", 1], out: "b" },
        { op: "mul", inputs: ["a", "b"], out: "y" },
      ],
    },
  });
  const y = answer.results?.at(-1);
  assert.deepEqual([y?.name, y?.data, y?.gradFn], ["y", [6.0], "MulBackward0"]);

  const updated = await autograd.backward({ sid, backward: { tensors: ["y"] } });
  const grads = Object.fromEntries((updated.updated ?? []).map((view) => [view.name, view.grad]));
  assert.deepEqual(grads, { w: [5.0], x: [2.0] }, `backward updated ${JSON.stringify(grads)}`);

  const refused = await autograd.backward({ sid, backward: { tensors: ["y"] } }).then(
    () => assert.fail("a second backward through the freed graph succeeded"),
    (e: unknown) => e,
  );
  assert.ok(refused instanceof ResponseError, `the second backward failed with ${String(refused)}`);
  assert.equal(refused.response.status, 422);
  const problem = ProblemFromJSON(await refused.response.json());
  assert.equal(problem.code, "graph-freed");
  assert.ok(problem.detail?.startsWith("Trying to backward through the graph a second time"), problem.detail);

  await sessions.deleteSession({ sid });
  console.log("walkthrough.ts: w.grad 5, x.grad 2, graph-freed read as a Problem");
}

run(main);
