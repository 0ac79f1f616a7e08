//! The claims CSV: the fact-check desk's worksheet, one row per claim of the project
//! (every status, not only the checked ones), in [`claims::claims`] order (by document,
//! then by place in the text), for a spreadsheet or a script. Owns its columns
//! ([`HEADER`]) and the guard against spreadsheet formulas; the claims are read
//! through [`crate::model::claims`].
//!
//! `start` and `end` are code points, end exclusive (Python's `text[start:end]`).
//! `sources` is one cell with a source a line (`URL note`), `figures` one cell with the
//! figures inside the claim or linked to it (*supported by*) as `TEXT = VALUE`, joined
//! by `; ` (`270 drones = 270 drone; $90 billion = 90000000000 USD`; a figure without a
//! value is its text alone), `rating_value` the verdict's place on the desk's numeric
//! scale (empty off it). Quoting follows RFC 4180 (the `csv` crate): a cell with a
//! comma, a quote or a line break is quoted and comes back whole.
//!
//! A text cell that a spreadsheet would run as a formula (one starting with `=`, `+`,
//! `-`, `@`, a tab or a carriage return: OWASP's list for CSV injection) gets a `'` put
//! before it, so a claim that reads `=SUM(A1)` or a claimant `@handle` shows as text
//! and runs nothing. Such a cell then differs from the article by that first `'`; the
//! offsets still locate the exact text, and the JSON export carries it unchanged. The
//! numeric columns (ids, offsets, rating) are never guarded.

use crate::model::Project;
use crate::model::claims::{self, Claim};
use std::borrow::Cow;

pub const HEADER: [&str; 18] = [
    "document",
    "doc_id",
    "span_id",
    "start",
    "end",
    "text",
    "status",
    "verdict",
    "rating_value",
    "claimant",
    "type",
    "sources",
    "reviewed",
    "review_url",
    "figures",
    "article_url",
    "outlet",
    "published",
];

/// The claims of `project`, a row each after [`HEADER`] (the header alone when there
/// are none).
pub fn render(project: &Project) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER)?;
    for claim in claims::claims(project) {
        let meta = &claim.document.meta;
        let rating_value = claims::rating_of(project, claim.verdict())
            .map(|r| r.value.to_string())
            .unwrap_or_default();
        let (sources, figures) = (sources(&claim), figures(&claim));
        let number = |n: &dyn ToString| Cow::Owned(n.to_string());
        let row: [Cow<'_, str>; HEADER.len()] = [
            guarded(&claim.document.name),
            number(&claim.document.id),
            number(&claim.span.id),
            number(&claim.span.range.start),
            number(&claim.span.range.end),
            guarded(claim.text),
            guarded(claim.status()),
            guarded(claim.verdict()),
            Cow::Owned(rating_value),
            guarded(claim.claimant()),
            guarded(claim.claim_type()),
            guarded(&sources),
            guarded(claim.reviewed()),
            guarded(claim.review_url()),
            guarded(&figures),
            guarded(meta.url.as_deref().unwrap_or("")),
            guarded(meta.outlet.as_deref().unwrap_or("")),
            guarded(meta.published.as_deref().unwrap_or("")),
        ];
        writer.write_record(row.iter().map(|cell| cell.as_bytes()))?;
    }
    writer.into_inner().map_err(|err| err.into_error().into())
}

/// The claim's sources, a line each: the address, then the note if any.
fn sources(claim: &Claim<'_>) -> String {
    claim
        .sources()
        .iter()
        .map(|s| {
            if s.note.is_empty() {
                s.url.clone()
            } else {
                format!("{} {}", s.url, s.note)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The claim's figures as `TEXT = VALUE` (the value in its canonical form, as the
/// figure's `value` field holds it), joined by `; `.
fn figures(claim: &Claim<'_>) -> String {
    claim
        .figures
        .iter()
        .map(|f| {
            if f.value_text.trim().is_empty() {
                f.text.to_owned()
            } else {
                format!("{} = {}", f.text, f.value_text.trim())
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `cell`, with a `'` before it when a spreadsheet would read it as a formula.
pub(crate) fn guarded(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::claim_review::tests::{desk_project, set_fields};

    fn rows(project: &Project) -> Vec<csv::StringRecord> {
        let bytes = render(project).unwrap();
        csv::Reader::from_reader(bytes.as_slice())
            .records()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn cell<'a>(row: &'a csv::StringRecord, column: &str) -> &'a str {
        let at = HEADER.iter().position(|c| *c == column).unwrap();
        row.get(at).unwrap()
    }

    #[test]
    fn every_claim_is_a_row_with_its_fields_figures_and_article() {
        let project = desk_project();
        let rows = rows(&project);
        assert_eq!(rows.len(), 6, "every claim, whatever its status");
        let first = &rows[0];
        let doc = &project.documents()[0];
        let (start, end): (usize, usize) = (
            cell(first, "start").parse().unwrap(),
            cell(first, "end").parse().unwrap(),
        );
        // Code points: the emoji before the claim counts as two (hand and skin tone).
        let slice: String = doc.text().chars().skip(start).take(end - start).collect();
        assert_eq!(slice, cell(first, "text"));
        assert_eq!(start, 33);
        assert_eq!(
            cell(first, "text"),
            "Russia launched 270 drones at Kyiv overnight"
        );
        assert_eq!(cell(first, "status"), "checked");
        assert_eq!(cell(first, "verdict"), "false");
        assert_eq!(cell(first, "rating_value"), "1");
        assert_eq!(cell(first, "claimant"), "Oleh Petrenko");
        assert_eq!(
            cell(first, "sources"),
            "https://mod.example/report the ministry's count\nhttps://un.example/drones, UN data"
        );
        assert_eq!(cell(first, "reviewed"), "2026-03-02");
        assert_eq!(
            cell(first, "review_url"),
            "https://check.example/270-drones"
        );
        assert_eq!(cell(first, "figures"), "270 drones = 270 drone");
        assert_eq!(cell(first, "article_url"), "https://news.example/kyiv");
        assert_eq!(cell(first, "outlet"), "Kyiv Daily");
        assert_eq!(cell(first, "published"), "2026-03-01");
        // A figure without a value is its text; a verdict off the scale has no rating.
        assert_eq!(cell(&rows[1], "figures"), "$90 billion");
        assert_eq!(cell(&rows[1], "rating_value"), "");
        // A claim without a status is still to check.
        assert_eq!(cell(&rows[5], "status"), "to check");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_guarded_and_numbers_are_not() {
        let mut project = desk_project();
        let doc = project.documents()[0].id;
        set_fields(
            &mut project,
            doc,
            &[
                ("Nobody", "claimant", "@petrenko_official"),
                ("Nobody", "type", "+cmd"),
                ("Nobody", "sources", "-1 first line\nhttps://x.example"),
            ],
        );
        let rows = rows(&project);
        assert_eq!(cell(&rows[3], "text"), "'=SUM(A1) is, they said, a formula");
        assert_eq!(cell(&rows[5], "claimant"), "'@petrenko_official");
        assert_eq!(cell(&rows[5], "type"), "'+cmd");
        assert!(cell(&rows[5], "sources").starts_with("'-1 first line\n"));
        assert!(cell(&rows[3], "start").parse::<usize>().is_ok());
        assert_eq!(guarded("Prices rose"), "Prices rose");
        assert_eq!(guarded("\tx"), "'\tx");
        assert_eq!(guarded(""), "");
    }

    #[test]
    fn a_project_without_claims_gives_the_header_alone() {
        let project = crate::fixture::project("No claims", &[("a.txt", "[quote:Hi].")]);
        let bytes = render(&project).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            format!("{}\n", HEADER.join(","))
        );
    }
}
