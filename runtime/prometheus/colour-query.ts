/** The two cluster colours. */
export type Colour = "blue" | "green";

export const COLOURS: readonly Colour[] = ["blue", "green"];

export function otherColour(colour: Colour): Colour {
  return colour === "blue" ? "green" : "blue";
}

/** Substitutes `$colour` in a PromQL template, e.g. `rate(errors{colour="$colour"}[1m])`. */
export function colourQuery(template: string, colour: Colour): string {
  return template.replaceAll("$colour", colour);
}
