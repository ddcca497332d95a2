import { detectHeader } from "./header-detection";
import { HeaderFormatError, parseHeaderFormat } from "./header-format";

// Purpose-made lines in the header layouts of common servers (Log4j, Spark, Apache httpd, syslog-like, Windows CBS, Zookeeper, numeric HPC-style fields).
describe("detectHeader", () => {
  it.each([
    [
      "2015-10-18 18:01:47,978 INFO [main] org.example.app.Main: Created master for app_1",
      { timestamp: "2015-10-18 18:01:47,978", level: "INFO", component: "org.example.app.Main" },
      "Created master for app_1",
    ],
    [
      "17/06/09 20:10:40 WARN storage.BlockManager: Block rdd_2_3 lost",
      { timestamp: "17/06/09 20:10:40", level: "WARN", component: "storage.BlockManager" },
      "Block rdd_2_3 lost",
    ],
    [
      "[Sun Dec 04 04:47:44 2005] [error] mod_jk child in error state 6",
      { timestamp: "Sun Dec 04 04:47:44 2005", level: "error" },
      "mod_jk child in error state 6",
    ],
    [
      "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating",
      { level: "INFO", component: "dfs.DataNode$PacketResponder" },
      "PacketResponder 1 terminating",
    ],
    [
      "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1",
      { timestamp: "2016-09-28 04:30:30", level: "Info", component: "CBS" },
      "Loaded Servicing Stack v6.1",
    ],
    [
      "2015-07-29 17:41:44,747 - WARN  [Sender:QuorumCnxManager@688] - Send worker leaving thread",
      { timestamp: "2015-07-29 17:41:44,747", level: "WARN", component: "Sender:QuorumCnxManager@688" },
      "Send worker leaving thread",
    ],
    [
      "2015-07-29 19:04:12,394 - INFO  [ProcessThread(sid:2 cport:-1)::PrepRequestProcessor@476] - Processed session termination",
      {
        timestamp: "2015-07-29 19:04:12,394",
        level: "INFO",
        component: "ProcessThread(sid:2 cport:-1)::PrepRequestProcessor@476",
      },
      "Processed session termination",
    ],
    [
      "2015-10-18 18:01:52,123 INFO [IPC Server listener on 62260] org.example.ipc.Server: IPC Server listener starting",
      { timestamp: "2015-10-18 18:01:52,123", level: "INFO", component: "org.example.ipc.Server" },
      "IPC Server listener starting",
    ],
    [
      "134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change: unavailable",
      { timestamp: "1077804742" },
      "Component State Change: unavailable",
    ],
    [
      "- 1117838570 2005.06.03 R02-M1-N0 2005-06-03-15.42.50.675872 R02-M1-N0 RAS KERNEL INFO instruction cache parity error corrected",
      { timestamp: "1117838570 2005.06.03 2005-06-03-15.42.50.675872", level: "INFO" },
      "instruction cache parity error corrected",
    ],
    [
      "- 1117869872 2005.06.04 R04-M1-N4-I:J18-U11 2005-06-04-00.24.32.432192 R04-M1-N4-I:J18-U11 RAS APP FATAL ciod: Error loading /bin/x",
      { timestamp: "1117869872 2005.06.04 2005-06-04-00.24.32.432192", level: "FATAL" },
      "ciod: Error loading /bin/x",
    ],
    [
      "2024-03-01 10:00:00 ERROR [worker-1] Notification: 3 (n.leader)",
      { timestamp: "2024-03-01 10:00:00", level: "ERROR", component: "worker-1" },
      "Notification: 3 (n.leader)",
    ],
    [
      "2024-03-01 10:00:00 ERROR app: failed",
      { timestamp: "2024-03-01 10:00:00", level: "ERROR", component: "app" },
      "failed",
    ],
    [
      "134681 node-246 unix.hw state_change.unavailable 1077804742 1 NIFF: node node-6 has detected a connection",
      { timestamp: "1077804742" },
      "NIFF: node node-6 has detected a connection",
    ],
    [
      "2024-03-01T10:00:00Z sshd[812]: Accepted publickey for deploy",
      { timestamp: "2024-03-01T10:00:00Z", component: "sshd[812]" },
      "Accepted publickey for deploy",
    ],
  ])("splits %s", (line, header, message) => {
    expect(detectHeader(line)).toEqual({ header, message });
  });

  it("finds no header in a line with neither timestamp nor level", () => {
    expect(detectHeader("connection reset by peer 10.0.0.1")).toBeUndefined();
    expect(detectHeader("    at com.example.Foo.bar(Foo.java:42)")).toBeUndefined();
  });
});

describe("parseHeaderFormat", () => {
  it("splits lines by a logparser format", () => {
    const parse = parseHeaderFormat("<Date> <Time> <Pid> <Level> <Component>: <Content>");
    expect(parse("081109 203615 148 INFO dfs.DataNode: PacketResponder 1 terminating")).toEqual({
      header: { timestamp: "081109 203615", level: "INFO", component: "dfs.DataNode" },
      message: "PacketResponder 1 terminating",
    });
    expect(parse("not a header")).toBeUndefined();
  });

  it("refuses a format without <Content> last, or with a field twice, saying how to write one", () => {
    expect(() => parseHeaderFormat("<Date> <Time>")).toThrow(HeaderFormatError);
    expect(() => parseHeaderFormat("<Date> <Time>")).toThrow(/end with <Content>/);
    expect(() => parseHeaderFormat("<Time> <Time> <Content>")).toThrow(/Time twice/);
  });
});
