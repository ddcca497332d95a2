import type * as pulumi from "@pulumi/pulumi";

/** Data sources the stack program may call offline, answered from the stack's own config (never from AWS). */
export type InvokeHandler = (inputs: Record<string, unknown>) => Record<string, unknown>;

/**
 * Mocks that behave like the engine in a preview: a new resource's outputs are its inputs, everything it
 * would compute (ids, ARNs, endpoints) stays unknown; remote components return nothing, so all their
 * outputs are unknown too. A data source without a handler fails loudly instead of inventing data.
 */
export class OfflinePreviewMocks implements pulumi.runtime.Mocks {
  constructor(private readonly invokes: Readonly<Record<string, InvokeHandler>> = {}) {}

  newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
    if (args.custom === false) return { id: undefined, state: {} };
    return { id: args.id || undefined, state: { ...(args.inputs as Record<string, unknown>) } };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    const handler = this.invokes[args.token];
    if (!handler) {
      throw new Error(
        `the offline review cannot run the data source ${args.token}: it would need AWS credentials. ` +
          "Pass the value through stack config instead, or run `pulumi preview` for real.",
      );
    }
    return handler(args.inputs as Record<string, unknown>);
  }
}
