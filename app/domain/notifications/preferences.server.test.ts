import { beforeAll, describe, expect, it } from "vitest";
import { seedReference } from "../../../test/db";
import { insertContribution } from "../../../test/contributions";
import { insertUser } from "../../../test/drafts-participation";
import { outboxOf } from "../../../test/moderation";
import { publish, sendBack } from "../../../test/decisions";
import { categoryOf, preferencesOf, setPreferences } from "./preferences.server";

let staff: { id: string };
let author: { id: string };

beforeAll(() => {
  seedReference();
  staff = insertUser("Staff", "staff");
  author = insertUser("Autrice");
});

describe("notification preferences", () => {
  it("maps message kinds to the categories a participant chooses", () => {
    expect(categoryOf("contribution.published")).toBe("published");
    expect(categoryOf("contribution_comment.restored")).toBe("published");
    expect(categoryOf("section_comment.hidden")).toBe("hidden");
    expect(categoryOf("amendment.outcome")).toBe("outcome");
    expect(categoryOf("registration.confirmed")).toBeNull();
  });

  it("everything is on until turned off; the outbox respects the choice", () => {
    expect(Object.values(preferencesOf(author.id)).every(Boolean)).toBe(true);
    setPreferences(author.id, ["sent_back", "outcome"]);
    expect(preferencesOf(author.id)).toMatchObject({ published: false, sent_back: true, outcome: true, rejected: false });
    const a = insertContribution({ status: "pending", authorId: author.id });
    const b = insertContribution({ status: "pending", authorId: author.id });
    publish({ actorId: staff.id, item: { kind: "contribution", id: a } });
    sendBack({ actorId: staff.id, contributionId: b, message: "Aggiungi il luogo." });
    expect(outboxOf(author.id).map((m) => m.kind)).toEqual(["contribution.sent_back"]);
    setPreferences(author.id, ["published", "rejected", "sent_back", "hidden", "redacted", "outcome"]);
    expect(Object.values(preferencesOf(author.id)).every(Boolean)).toBe(true);
  });
});
