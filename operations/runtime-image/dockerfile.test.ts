/**
 * The runtime image's Dockerfile keeps the properties the cluster relies on: a multi-stage build whose
 * final stage holds only the compiled CLI and production dependencies, runs as the non-root uid the pods
 * declare, writes nothing (readOnlyRootFilesystem), and starts the launcher that runs dist/cli/main.js.
 * The image itself is built by .github/workflows/image.yml; Docker cannot pull a base image here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Copy, DockerfileParser, From, Instruction } from "dockerfile-ast";
import { validate } from "dockerfile-utils";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const dockerfileText = read("Dockerfile");
const dockerfile = DockerfileParser.parse(dockerfileText);

interface Stage {
  readonly from: From;
  readonly instructions: readonly Instruction[];
}

/** The instructions of each build stage, in order; ARGs before the first FROM belong to none. */
function stages(): Stage[] {
  const result: { from: From; instructions: Instruction[] }[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction instanceof From) result.push({ from: instruction, instructions: [] });
    else result.at(-1)?.instructions.push(instruction);
  }
  return result;
}

const of = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword);
const argumentsOf = (instruction: Instruction) => instruction.getArguments().map((a) => a.getValue());
const copyFrom = (copy: Instruction) => (copy as Copy).getFromFlag()?.getValue() ?? undefined;

const all = stages();
const runtime = all.at(-1)!;
const build = all.find((s) => s.from.getBuildStage() === copyFrom(of(runtime, "COPY").find((c) => copyFrom(c) !== undefined)!))!;

describe("the runtime image's Dockerfile", () => {
  it("passes the Dockerfile linter (npm run lint:docker) without an error or warning", () => {
    expect(validate(dockerfileText).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it("builds in one stage and ships another that copies only from it", () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(build).toBeDefined();
    expect(build).not.toBe(runtime);
    const copies = of(runtime, "COPY");
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(copyFrom(copy)).toBe(build.from.getBuildStage());
  });

  it("compiles the CLI, then removes the dev dependencies before the final stage copies node_modules", () => {
    const runs = of(build, "RUN").map((r) => r.getArgumentsContent() ?? "").join("\n");
    const buildAt = runs.indexOf("npm run build");
    const pruneAt = runs.search(/npm prune --omit=dev/);
    expect(buildAt).toBeGreaterThanOrEqual(0);
    expect(pruneAt).toBeGreaterThan(buildAt);
    expect(of(runtime, "RUN")).toEqual([]);
    const shipped = of(runtime, "COPY").map((c) => argumentsOf(c)[0]);
    expect(shipped.sort()).toEqual(["/app/bin", "/app/dist", "/app/node_modules", "/app/package.json"]);
  });

  it("runs as the non-root uid the predictive-scaler and watcher pods declare", () => {
    const users = of(runtime, "USER").map((u) => u.getArgumentsContent() ?? "");
    expect(users).toHaveLength(1);
    const [uid, gid] = users[0].split(":");
    expect(uid).toMatch(/^[1-9]\d*$/); // numeric, so the kubelet can verify runAsNonRoot
    for (const component of ["components/autoscaling-stack/pse-workload.ts", "components/observability/anomaly-watcher.ts"]) {
      expect(read(component)).toMatch(new RegExp(`(runAsUser: ${uid}\\b|UID = ${uid};)`));
    }
    expect(gid).toBe(uid);
  });

  it("starts the launcher, which runs the compiled entry dist/cli/main.js that `npm run build` writes", () => {
    const entrypoints = of(runtime, "ENTRYPOINT");
    expect(entrypoints).toHaveLength(1);
    const exec = JSON.parse(entrypoints[0].getArgumentsContent() ?? "") as string[];
    expect(exec).toEqual(["node", "/app/bin/icna.js"]);
    expect(read("bin/icna.js")).toContain('path.join(__dirname, "..", "dist", "cli", "main.js")');
    const buildConfig = JSON.parse(read("tsconfig.build.json")) as { include: string[]; compilerOptions: { outDir: string; rootDir: string } };
    expect(buildConfig.compilerOptions).toMatchObject({ outDir: "dist", rootDir: "." });
    expect(buildConfig.include).toContain("cli");
  });

  it("copies every source folder the build compiles, and .dockerignore lets each of them into the context", () => {
    const buildConfig = JSON.parse(read("tsconfig.build.json")) as { include: string[] };
    const copied = of(build, "COPY").flatMap((c) => argumentsOf(c).slice(0, -1));
    const reincluded = read(".dockerignore").split("\n").filter((line) => line.startsWith("!")).map((line) => line.slice(1).replace(/\/$/, ""));
    for (const folder of buildConfig.include) expect(copied).toContain(folder);
    for (const source of copied) expect(reincluded).toContain(source);
  });

  it("lets the pods start it with arguments only: they set no command that would replace the entrypoint", () => {
    for (const component of ["components/autoscaling-stack/pse-workload.ts", "components/observability/anomaly-watcher.ts"]) {
      const source = read(component);
      expect(source).toMatch(/\bargs: \[/);
      expect(source).not.toMatch(/\bcommand: \[/);
    }
  });
});
