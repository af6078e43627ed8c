import { describe, expect, it } from "vitest";
import { addDays } from "~/lib/dates";
import { checkArt7bis } from "./art7bis";

const adoption = "2027-06-30";

describe("art. 7bis c.4", () => {
  it("a conferenza istruttoria 70 days before adoption breaks the 60-day rule", () => {
    const conferenceDate = addDays(adoption, -70);
    expect(checkArt7bis({ plannedAdoptionDate: adoption, conferenceDates: [conferenceDate] })).toEqual([
      { rule: "conference_60_days", days: 70, conferenceDate },
    ]);
  });

  it("a conferenza istruttoria 30 days before adoption passes", () => {
    expect(checkArt7bis({ plannedAdoptionDate: adoption, conferenceDates: [addDays(adoption, -30)] })).toEqual([]);
  });

  it("the 60th day before adoption still passes; the 61st does not; the adoption day itself does not", () => {
    expect(checkArt7bis({ plannedAdoptionDate: adoption, conferenceDates: [addDays(adoption, -60)] })).toEqual([]);
    expect(checkArt7bis({ plannedAdoptionDate: adoption, conferenceDates: [addDays(adoption, -61)] })).toHaveLength(1);
    expect(checkArt7bis({ plannedAdoptionDate: adoption, conferenceDates: [adoption] })).toHaveLength(1);
  });

  it("a draft public 60 days before adoption breaks the 90-day rule; 90 days passes", () => {
    const draftPublicDate = addDays(adoption, -60);
    expect(checkArt7bis({ plannedAdoptionDate: adoption, draftPublicDate })).toEqual([{ rule: "draft_90_days", days: 60, draftPublicDate }]);
    expect(checkArt7bis({ plannedAdoptionDate: adoption, draftPublicDate: addDays(adoption, -90) })).toEqual([]);
  });

  it("counts calendar days across the change to summer time", () => {
    // 2027-03-28 is the last Sunday of March: Rome moves to CEST. 90 calendar days must still be 90.
    expect(checkArt7bis({ plannedAdoptionDate: "2027-05-01", draftPublicDate: addDays("2027-05-01", -90) })).toEqual([]);
  });

  it("says nothing without an adoption date", () => {
    expect(checkArt7bis({ draftPublicDate: "2027-01-01", conferenceDates: ["2027-01-02"] })).toEqual([]);
  });
});
