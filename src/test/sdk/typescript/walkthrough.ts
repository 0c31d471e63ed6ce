// The seed walkthrough through the generated TypeScript client (typescript-fetch), typed models only:
// y = (w + x)(w + 1) with w = 1 and x = 2; backward gives w.grad 5 and x.grad 2, and a second backward
// through the freed graph is PyTorch's error, read as a typed Problem. Then a module and an SGD step.
// Every request sends the key of BACKPROP_API_KEY.
// Usage: node walkthrough.js BASE_URL   (BASE_URL is the service's root, e.g. http://127.0.0.1:8080)
import { strict as assert } from "node:assert";
import {
  ActivationLayerTypeEnum, AutogradApi, CreateOptimizerRequestTypeEnum, CreateTensorRequestDtypeEnum,
  LinearLayerTypeEnum, OpsApi, ProblemFromJSON, ResponseError, SessionsApi, TensorsApi, TrainingApi,
} from "backprop-client";
import { configuration } from "./_auth";
import { run } from "./_run";

async function main(base: string): Promise<void> {
  const config = configuration(base);
  const sessions = new SessionsApi(config);
  const tensors = new TensorsApi(config);
  const ops = new OpsApi(config);
  const autograd = new AutogradApi(config);
  const training = new TrainingApi(config);

  const session = await sessions.createSession({ createSessionRequest: { seed: 1 } });
  const sid = session.id;

  // JSON.stringify writes 1.0 as 1, which the service (as torch.tensor) reads as int64: the dtype says float32.
  for (const [name, value] of [["w", 1.0], ["x", 2.0]] as const) {
    const tensor = await tensors.createTensor({
      sid, createTensorRequest: { name, data: [value], dtype: CreateTensorRequestDtypeEnum.Float32, requiresGrad: true },
    });
    assert.deepEqual([tensor.name, tensor.requiresGrad, tensor.isLeaf, tensor.data], [name, true, true, [value]]);
  }

  const answer = await ops.runOps({
    sid,
    opRequest: {
      ops: [
        { op: "add", inputs: ["w", "x"], out: "a" },
        { op: "add", inputs: ["w", 1], out: "b" },
        { op: "mul", inputs: ["a", "b"], out: "y" },
      ],
    },
  });
  assert.ok("results" in answer, `a batch answered ${JSON.stringify(answer)}`);
  const y = answer.results.at(-1);
  assert.deepEqual([y?.name, y?.data, y?.gradFn], ["y", [6.0], "MulBackward0"]);

  const updated = await autograd.backward({ sid, backwardRequest: { tensors: ["y"] } });
  const grads = Object.fromEntries(updated.updated.map((view) => [view.name, view.grad]));
  assert.deepEqual(grads, { w: [5.0], x: [2.0] }, `backward updated ${JSON.stringify(grads)}`);
  assert.deepEqual((await tensors.getTensor({ sid, name: "w" })).grad, [5.0]);
  assert.deepEqual((await tensors.getTensor({ sid, name: "x.grad" })).data, [2.0]);

  const refused = await autograd.backward({ sid, backwardRequest: { tensors: ["y"] } }).then(
    () => assert.fail("a second backward through the freed graph succeeded"),
    (e: unknown) => e,
  );
  assert.ok(refused instanceof ResponseError, `the second backward failed with ${String(refused)}`);
  assert.equal(refused.response.status, 422);
  const problem = ProblemFromJSON(await refused.response.json());
  assert.equal(problem.code, "graph-freed");
  assert.ok(problem.detail?.startsWith("Trying to backward through the graph a second time"), problem.detail);

  // A module and one SGD step: every parameter moves by -lr * grad.
  const module = await training.createModule({
    sid,
    createModuleRequest: {
      name: "net",
      layers: [
        { type: LinearLayerTypeEnum.Linear, inFeatures: 2, outFeatures: 1 },
        { type: ActivationLayerTypeEnum.Sigmoid },
      ],
    },
  });
  assert.deepEqual(module.parameters, { "net.0.weight": [1, 2], "net.0.bias": [1] });
  await training.createOptimizer({
    sid, createOptimizerRequest: { name: "opt", type: CreateOptimizerRequestTypeEnum.Sgd, params: ["net"], lr: 0.5 },
  });
  await tensors.createTensor({
    sid, createTensorRequest: { name: "inputs", data: [[1.0, -2.0]], dtype: CreateTensorRequestDtypeEnum.Float32 },
  });
  await ops.runOps({
    sid,
    opRequest: {
      ops: [
        { op: "call", inputs: ["inputs"], attrs: { module: "net" }, out: "p" },
        { op: "sum", inputs: ["p"], out: "loss" },
      ],
      returns: "none",
    },
  });
  const weight = (await tensors.getTensor({ sid, name: "net.0.weight" })).data as number[][];
  const bias = (await tensors.getTensor({ sid, name: "net.0.bias" })).data as number[];
  await autograd.backward({ sid, backwardRequest: { tensors: ["loss"] } });
  const weightGrad = (await tensors.getTensor({ sid, name: "net.0.weight" })).grad as number[][];
  const biasGrad = (await tensors.getTensor({ sid, name: "net.0.bias" })).grad as number[];
  const stepped = Object.fromEntries((await training.optimizerStep({ sid, name: "opt" })).updated.map((v) => [v.name, v.data]));
  const close = (got: number[], want: number[]) => got.every((g, i) => Math.abs(g - want[i]) < 1e-6);
  assert.ok(close((stepped["net.0.weight"] as number[][])[0], weight[0].map((w, i) => w - 0.5 * weightGrad[0][i])),
    `net.0.weight stepped to ${JSON.stringify(stepped["net.0.weight"])}`);
  assert.ok(close(stepped["net.0.bias"] as number[], [bias[0] - 0.5 * biasGrad[0]]),
    `net.0.bias stepped to ${JSON.stringify(stepped["net.0.bias"])}`);

  await sessions.deleteSession({ sid });
  console.log("walkthrough.ts: w.grad 5, x.grad 2, graph-freed read as a Problem, an SGD step moved net by -lr * grad");
}

run(main);
