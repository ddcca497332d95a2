import { fitsWildcard, widenToken, wildcardValue } from "./wildcard-token";

describe("widenToken", () => {
  it.each([
    [["SOFTWARE,", "SYSTEM,"], "<*>,"],
    [["'C:\\a'", "'D:\\b'"], "'<*>'"],
    [["[main]", "[Thread-50]", "[IPC Server]"], "[<*>]"],
    [["blk_<NUM>", "blk_x"], "<*>"],
    [["(<NUM>)", "(<HEX>)"], "(<*>)"],
    [["'<*>',", "KB1,"], "<*>,"],
    [[",", ",,"], ",<*>"], // prefix and suffix may not overlap in the shortest token
    [["-", ":"], "<*>"],
    [["'{bf1a}GLOBALROOT/SAM'", "'{bf1a}GLOBALROOT/SYSTEM'"], "'<*>'"], // an opening bracket the suffix does not close goes
    [["{bf1a}x", "{bf1a}y"], "<*>"],
  ])("%j -> %s", (tokens, wildcard) => {
    expect(widenToken(tokens)).toBe(wildcard);
  });
});

describe("fitsWildcard and wildcardValue", () => {
  it("match a token inside the wildcard's punctuation and take the value out of it", () => {
    expect(fitsWildcard("'<*>',", "'KB1',")).toBe(true);
    expect(fitsWildcard("'<*>',", "KB1,")).toBe(false);
    expect(fitsWildcard("<*>", "anything")).toBe(true);
    expect(wildcardValue("'<*>',", "'KB1',")).toBe("KB1");
    expect(wildcardValue("[<*>]", "x")).toBe("x");
  });
});
