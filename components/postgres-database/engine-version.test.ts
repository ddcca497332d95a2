import { parameterGroupFamily, postgresMajor, postgresVersionProblem } from "./engine-version";

describe("PostgreSQL engine versions", () => {
  it.each([
    ["17", "postgres17"],
    ["16.4", "postgres16"],
    ["14.12", "postgres14"],
  ])("%s belongs to the %s parameter group family", (version, family) => {
    expect(postgresVersionProblem(version)).toBeUndefined();
    expect(parameterGroupFamily(version)).toBe(family);
  });

  it("rejects majors out of standard support and text that is not a version", () => {
    expect(postgresVersionProblem("13.15")).toBe("PostgreSQL 13 is not offered (majors: 14, 15, 16, 17)");
    expect(postgresVersionProblem("latest")).toBe('"latest" is not a PostgreSQL version such as 17 or 16.4');
    expect(postgresMajor("16.")).toBeUndefined();
    expect(() => parameterGroupFamily("9.6")).toThrow("PostgreSQL 9 is not offered");
  });
});
