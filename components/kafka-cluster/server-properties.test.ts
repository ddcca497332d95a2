import { renderServerProperties } from "./server-properties";

const parse = (text: string) => Object.fromEntries(text.trim().split("\n").map((line) => line.split("=") as [string, string]));

describe("MSK server.properties", () => {
  it("turns off topic auto-creation and unclean elections and applies durability and retention", () => {
    const properties = parse(renderServerProperties({ defaultReplicationFactor: 3, minInSyncReplicas: 2, retentionHours: 168 }));
    expect(properties).toEqual({
      "auto.create.topics.enable": "false",
      "default.replication.factor": "3",
      "min.insync.replicas": "2",
      "offsets.topic.replication.factor": "3",
      "transaction.state.log.replication.factor": "3",
      "transaction.state.log.min.isr": "2",
      "unclean.leader.election.enable": "false",
      "log.retention.hours": "168",
    });
  });

  it("is one key=value per line, ending with a newline, as MSK expects", () => {
    const text = renderServerProperties({ defaultReplicationFactor: 3, minInSyncReplicas: 2, retentionHours: 24 });
    expect(text.endsWith("\n")).toBe(true);
    expect(text.trim().split("\n").every((line) => /^[a-z.]+=[\w.]+$/.test(line))).toBe(true);
  });
});
