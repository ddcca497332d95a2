// The SDK publishes its modules through package.json `exports` only; this project's TypeScript resolution
// ("node") does not read `exports`, so the subpaths are mapped to the typings they export at run time.
declare module "@grafana/grafana-foundation-sdk/cog" {
  export * from "@grafana/grafana-foundation-sdk/dist/cog";
}
declare module "@grafana/grafana-foundation-sdk/common" {
  export * from "@grafana/grafana-foundation-sdk/dist/common";
}
declare module "@grafana/grafana-foundation-sdk/dashboard" {
  export * from "@grafana/grafana-foundation-sdk/dist/dashboard";
}
declare module "@grafana/grafana-foundation-sdk/prometheus" {
  export * from "@grafana/grafana-foundation-sdk/dist/prometheus";
}
declare module "@grafana/grafana-foundation-sdk/timeseries" {
  export * from "@grafana/grafana-foundation-sdk/dist/timeseries";
}
declare module "@grafana/grafana-foundation-sdk/cloudwatch" {
  export * from "@grafana/grafana-foundation-sdk/dist/cloudwatch";
}
declare module "@grafana/grafana-foundation-sdk/annotationslist" {
  export * from "@grafana/grafana-foundation-sdk/dist/annotationslist";
}
