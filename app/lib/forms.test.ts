import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "./forms";

describe("parseForm", () => {
  it("keeps any catalogue key as the message, and turns zod's own text into the generic one", () => {
    const schema = z.object({
      email: z.string().email("errors.email"),
      introduction: z.string().max(3, "participation.amendments.outcome"),
      other: z.string().min(2),
    });
    const r = parseForm(schema, { email: "no", introduction: "troppo lungo", other: "" });
    expect(r).toEqual({ success: false, errors: { email: "errors.email", introduction: "participation.amendments.outcome", other: "errors.invalid" } });
  });
});
