import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { contributionSupports, flags, meetings, notificationPreferences, processes, registrations } from "~db/schema";
import { insertContribution } from "../../../test/contributions";
import { seedReference } from "../../../test/db";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "../../../test/drafts-participation";
import { insertAmendment, insertContributionComment, insertSectionComment } from "../../../test/moderation";
import { exportPersonalData } from "./users.server";

beforeAll(() => {
  seedReference();
});

describe("personal-data export", () => {
  it("holds everything the person did: registrations, contributions, comments, amendments, supports, reports, preferences", async () => {
    const person = insertUser("Lucia Esportatrice");
    const other = insertUser("Altra Persona");
    const process = db.select({ id: processes.id }).from(processes).get()!;
    const startsAt = new Date("2026-12-10T09:00:00Z");
    const meetingId = db
      .insert(meetings)
      .values({ processId: process.id, kind: "altro", title: "Incontro esportato", startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) })
      .returning({ id: meetings.id })
      .get().id;
    db.insert(registrations).values({ meetingId, userId: person.id, capacity: "person", status: "confirmed", createdAt: new Date() }).run();
    const mine = insertContribution({ authorId: person.id, title: "Il mio contributo", body: "Testo mio" });
    const theirs = insertContribution({ authorId: other.id, title: "Contributo altrui" });
    insertContributionComment({ contributionId: theirs, authorId: person.id, body: "Commento mio" });
    insertContributionComment({ contributionId: theirs, authorId: other.id, body: "Commento altrui" });
    const version = insertVersionInConsultation({ label: "v-export", sections: SECTIONS_V01 });
    insertSectionComment({ versionId: version.versionId, sectionId: version.sectionIds[0], authorId: person.id, body: "Sulla sezione" });
    insertAmendment({ versionId: version.versionId, sectionId: version.sectionIds[0], authorId: person.id, text: "Testo emendato mio" });
    db.insert(contributionSupports).values({ contributionId: theirs, userId: person.id }).run();
    db.insert(flags).values({ itemKind: "contribution", itemId: theirs, reporterId: person.id, reason: "spam" }).run();
    db.insert(notificationPreferences).values({ userId: person.id, kind: "moderation", enabled: false }).run();

    const data = (await exportPersonalData(person.id))!;
    expect(data.registrations).toEqual([expect.objectContaining({ meetingId, meeting: "Incontro esportato", status: "confirmed" })]);
    expect(data.contributions.map((c) => c.id)).toEqual([mine]);
    expect(data.contributions[0]).toMatchObject({ title: "Il mio contributo", body: "Testo mio" });
    expect(data.contributionComments.map((c) => c.body)).toEqual(["Commento mio"]);
    expect(data.sectionComments.map((c) => c.body)).toEqual(["Sulla sezione"]);
    expect(data.amendments.map((a) => a.proposedText)).toEqual(["Testo emendato mio"]);
    expect(data.supports).toEqual([expect.objectContaining({ contributionId: theirs })]);
    expect(data.flags).toEqual([expect.objectContaining({ itemKind: "contribution", itemId: theirs, reason: "spam" })]);
    expect(data.notificationPreferences).toEqual([{ kind: "moderation", enabled: false }]);
    expect(JSON.stringify(data)).not.toContain("altrui");
  });
});
