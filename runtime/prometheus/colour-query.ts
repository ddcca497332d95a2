import type { Colour } from "../../stacks/config/schema";

/** The two cluster colours are defined once, by the stack configuration. */
export { COLOURS, type Colour } from "../../stacks/config/schema";

export function otherColour(colour: Colour): Colour {
  return colour === "blue" ? "green" : "blue";
}

/** Substitutes `$colour` in a PromQL template, e.g. `rate(errors{colour="$colour"}[1m])`. */
export function colourQuery(template: string, colour: Colour): string {
  return template.replaceAll("$colour", colour);
}
