import { LogMiner } from "../../runtime/logs/log-miner";
import type { MinerOptions } from "../../runtime/logs/pattern-miner";
import type { LoghubSample } from "./loghub";
import type { ParsedLine } from "./parsing-accuracy";

/** Mines a sample with no format given (headers detected) and pairs each line with its ground truth. */
export function mineSample(sample: LoghubSample, options: MinerOptions): ParsedLine[] {
  const logs = new LogMiner(options);
  const mined = sample.lines.map((line, i) => logs.push(line, i + 1)).filter((m) => m !== undefined);
  const last = logs.end();
  if (last) mined.push(last);
  if (mined.length !== sample.lines.length)
    throw new Error(`${sample.system}: ${sample.lines.length} lines became ${mined.length} entries`);
  return mined.map((m, i) => {
    const pattern = logs.miner.resolve(m.pattern);
    return { predicted: pattern.id, template: pattern.template, event: sample.events[i], truth: sample.templates[i] };
  });
}
