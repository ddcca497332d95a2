import { SECRET, UNKNOWN } from "../review/plan/model";
import { bool, containsUnknown, isSet, knownStrings, list, num, partialStrings, peek, str, UndecidableError } from "./values";

const props = {
  flag: true,
  text: "on",
  textFlag: "false",
  count: "7",
  nested: { inner: { value: 3 } },
  computed: UNKNOWN,
  secret: SECRET,
  items: ["a", UNKNOWN, "b"],
  computedParent: UNKNOWN,
  nothing: null,
};

describe("reading inputs that may be unknown", () => {
  test("known values are read with light coercion; absent ones are undefined", () => {
    expect(bool(props, "flag")).toBe(true);
    expect(bool(props, "textFlag")).toBe(false);
    expect(num(props, "count")).toBe(7);
    expect(num(props, "nested.inner.value")).toBe(3);
    expect(str(props, "text")).toBe("on");
    expect(str(props, "missing.deeper")).toBeUndefined();
    expect(peek(props, "nothing")).toBeUndefined();
  });

  test("an unknown value, or one inside an unknown container, cannot be decided", () => {
    expect(() => bool(props, "computed")).toThrow(UndecidableError);
    expect(() => str(props, "computedParent.child")).toThrow("computedParent is not known until the deployment runs");
    expect(() => str(props, "secret")).toThrow(UndecidableError);
    expect(() => knownStrings(props, "items")).toThrow("items.1 is not known");
  });

  test("a value of the wrong type is an error (the engine fails closed on it)", () => {
    expect(() => bool(props, "text")).toThrow("text should be a boolean but is \"on\"");
    expect(() => num(props, "nested")).toThrow(TypeError);
  });

  test("unknown and secret values count as set; partial lists keep what is known", () => {
    expect(isSet(props, "computed")).toBe(true);
    expect(isSet(props, "secret")).toBe(true);
    expect(isSet(props, "missing")).toBe(false);
    expect(isSet({ list: [] }, "list")).toBe(false);
    expect(partialStrings(props, "items")).toEqual({ known: ["a", "b"], unknown: 1 });
    expect(list(props, "items")).toHaveLength(3);
    expect(containsUnknown(props.nested)).toBe(false);
    expect(containsUnknown({ a: [{ b: UNKNOWN }] })).toBe(true);
  });

  test("the engine's own computed-value sentinels read as unknown too", () => {
    expect(() => bool({ flag: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7" }, "flag")).toThrow(UndecidableError);
    expect(isSet({ id: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }, "id")).toBe(true);
  });
});
