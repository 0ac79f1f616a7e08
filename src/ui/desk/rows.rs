//! The claims desk's rows: one per claim of the project, made from
//! [`claims::claims`] once per change of the project (owned, so they outlive the
//! frame), the counts by status, and which rows the filters (status, verdict, text)
//! let through in which order (article order, status, verdict on the project's scale,
//! claimant). No egui here.

use crate::model::claims::{self, Claim, ClaimFigure};
use crate::model::{Project, SpanId};
use crate::ui::preview;

/// How much of a claim's text a row keeps (the row cuts it again to its width).
const TEXT_CHARS: usize = 200;
/// How much of a figure's text a row keeps.
const FIGURE_CHARS: usize = 40;

/// One claim as the desk shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ClaimRow {
    pub(super) span: SpanId,
    /// The claim's label (its colour marks the row).
    pub(super) label: String,
    pub(super) status: String,
    pub(super) verdict: String,
    pub(super) claimant: String,
    /// The document's name.
    pub(super) article: String,
    /// The claim's text on one line, shortened.
    pub(super) text: String,
    /// The figures inside the claim or linked from it: `270 drones → 270 drone`.
    pub(super) figures: Vec<String>,
    /// Where the status is in the project's statuses (one not among them: after).
    status_rank: usize,
    /// Where the verdict is on the scale (one off the scale next, none last).
    verdict_rank: usize,
    /// What the text filter looks in: text, claimant and article, lower case.
    haystack: String,
}

impl ClaimRow {
    /// Status, verdict and claimant, as the row's first line says them.
    pub(super) fn heading(&self) -> String {
        let verdict = if self.verdict.is_empty() {
            "no verdict"
        } else {
            &self.verdict
        };
        let mut line = format!("{} · {verdict}", self.status);
        if !self.claimant.is_empty() {
            line += " · ";
            line += &self.claimant;
        }
        line
    }

    /// Everything the row shows, in one sentence for screen readers.
    pub(super) fn spoken(&self) -> String {
        let mut text = format!("{}: “{}” in {}", self.heading(), self.text, self.article);
        if !self.figures.is_empty() {
            text += "; figures: ";
            text += &self.figures.join("; ");
        }
        text
    }
}

/// A figure as a row lists it: its text, the value read, and whether it is linked.
fn figure_line(figure: &ClaimFigure) -> String {
    let text = preview(figure.text, FIGURE_CHARS);
    let value = figure.value_shown();
    let mut line = if value.is_empty() {
        format!("{text} → no value")
    } else {
        format!("{text} → {value}")
    };
    if figure.linked {
        line += " (linked)";
    }
    line
}

/// The claims of a project, made into rows.
#[derive(Clone, Debug, Default)]
pub(super) struct Rows {
    pub(super) rows: Vec<ClaimRow>,
    /// The project's check statuses, in order.
    pub(super) statuses: Vec<String>,
    /// The project's verdicts, best first.
    pub(super) verdicts: Vec<String>,
    /// `12 claims · 3 to check · 2 checking · 7 checked` (statuses outside the
    /// project's list follow theirs).
    pub(super) counts: String,
}

impl Rows {
    pub(super) fn of(project: &Project) -> Self {
        let statuses = claims::statuses(project);
        let verdicts = claims::verdict_scale(project);
        let rows: Vec<ClaimRow> = claims::claims(project)
            .iter()
            .map(|c| row(c, &statuses, &verdicts))
            .collect();
        Self {
            counts: counts(&rows, &statuses),
            rows,
            statuses,
            verdicts,
        }
    }
}

/// How many claims `rows` hold, and how many of each status.
fn counts(rows: &[ClaimRow], statuses: &[String]) -> String {
    let mut counts: Vec<(&str, usize)> = statuses.iter().map(|s| (s.as_str(), 0)).collect();
    for row in rows {
        match counts.iter_mut().find(|(s, _)| *s == row.status) {
            Some((_, n)) => *n += 1,
            None => counts.push((&row.status, 1)),
        }
    }
    let total = match rows.len() {
        1 => "1 claim".to_owned(),
        n => format!("{n} claims"),
    };
    std::iter::once(total)
        .chain(counts.iter().map(|(s, n)| format!("{n} {s}")))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn row(claim: &Claim, statuses: &[String], verdicts: &[String]) -> ClaimRow {
    let status = claim.status().to_owned();
    let verdict = claim.verdict().to_owned();
    let status_rank = statuses
        .iter()
        .position(|s| *s == status)
        .unwrap_or(statuses.len());
    let verdict_rank = match verdicts.iter().position(|v| *v == verdict) {
        Some(i) => i,
        None if verdict.is_empty() => verdicts.len() + 1,
        None => verdicts.len(),
    };
    let claimant = claim.claimant().to_owned();
    let article = claim.document.name.clone();
    let haystack = format!("{}\n{claimant}\n{article}", claim.text).to_lowercase();
    ClaimRow {
        span: claim.span.id,
        label: claim.span.label.clone(),
        status,
        verdict,
        claimant,
        article,
        text: preview(claim.text, TEXT_CHARS),
        figures: claim.figures.iter().map(figure_line).collect(),
        status_rank,
        verdict_rank,
        haystack,
    }
}

/// Which verdicts the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(super) enum VerdictFilter {
    #[default]
    Any,
    Is(String),
    /// Claims without a verdict.
    None,
}

/// The orders the list can take; claims that compare equal stay in article order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(super) enum Sort {
    /// By document, then by place in the text.
    #[default]
    Article,
    /// In the order of the statuses: to check first.
    Status,
    /// Best verdict first; without one last.
    Verdict,
    /// Claimants A to Z; claims without one last.
    Claimant,
}

impl Sort {
    pub(super) const ALL: [Sort; 4] = [Sort::Article, Sort::Status, Sort::Verdict, Sort::Claimant];

    pub(super) fn name(self) -> &'static str {
        match self {
            Sort::Article => "by article",
            Sort::Status => "by status",
            Sort::Verdict => "by verdict",
            Sort::Claimant => "by claimant",
        }
    }
}

/// What the list is filtered and sorted by.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct Filter {
    /// Only claims with this status.
    pub(super) status: Option<String>,
    pub(super) verdict: VerdictFilter,
    /// Text to find (any case) in a claim's text, claimant or article.
    pub(super) text: String,
    pub(super) sort: Sort,
}

impl Filter {
    /// Does the filter hide any claim?
    pub(super) fn filters(&self) -> bool {
        self.status.is_some() || self.verdict != VerdictFilter::Any || !self.text.trim().is_empty()
    }
}

/// The positions in `rows` of the claims `filter` lets through, in its order.
pub(super) fn shown(rows: &Rows, filter: &Filter) -> Vec<usize> {
    let needle = filter.text.trim().to_lowercase();
    let mut shown: Vec<usize> = rows
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| filter.status.as_ref().is_none_or(|s| *s == r.status))
        .filter(|(_, r)| match &filter.verdict {
            VerdictFilter::Any => true,
            VerdictFilter::Is(v) => *v == r.verdict,
            VerdictFilter::None => r.verdict.is_empty(),
        })
        .filter(|(_, r)| needle.is_empty() || r.haystack.contains(&needle))
        .map(|(i, _)| i)
        .collect();
    let row = |i: &usize| &rows.rows[*i];
    // Stable sorts: ties keep article order.
    match filter.sort {
        Sort::Article => {}
        Sort::Status => shown.sort_by_key(|i| row(i).status_rank),
        Sort::Verdict => shown.sort_by_key(|i| row(i).verdict_rank),
        Sort::Claimant => shown.sort_by_cached_key(|i| {
            let claimant = &row(i).claimant;
            (claimant.is_empty(), claimant.to_lowercase())
        }),
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn project() -> Project {
        fixture::project(
            "Desk",
            &[
                (
                    "a.txt",
                    "[claim|status=checked|verdict=false|claimant=Ann Lee:We built \
                     [figure|value=270 drone:270 drones] last year.] Then \
                     [claim:Nobody came.]",
                ),
                (
                    "b.txt",
                    "[claim|status=checking|verdict=true|claimant=bo chen:Prices fell \
                     [figure:a lot].]",
                ),
            ],
        )
    }

    fn texts(rows: &Rows, filter: &Filter) -> Vec<String> {
        shown(rows, filter)
            .into_iter()
            .map(|i| rows.rows[i].text.clone())
            .collect()
    }

    #[test]
    fn rows_say_status_verdict_claimant_article_and_figures() {
        let rows = Rows::of(&project());
        assert_eq!(rows.rows.len(), 3);
        let first = &rows.rows[0];
        assert_eq!(first.heading(), "checked · false · Ann Lee");
        assert_eq!(first.article, "a.txt");
        assert_eq!(first.figures, ["270 drones → 270 drone (count)"]);
        assert_eq!(rows.rows[1].heading(), "to check · no verdict");
        assert_eq!(rows.rows[2].figures, ["a lot → no value"]);
        assert!(
            first
                .spoken()
                .contains("in a.txt; figures: 270 drones → 270 drone")
        );
        assert_eq!(
            rows.counts,
            "3 claims · 1 to check · 1 checking · 1 checked"
        );
    }

    #[test]
    fn filters_pick_and_sorts_order() {
        let rows = Rows::of(&project());
        let all = Filter::default();
        assert!(!all.filters());
        assert_eq!(shown(&rows, &all), [0, 1, 2]);
        let checking = Filter {
            status: Some("checking".into()),
            ..Filter::default()
        };
        assert_eq!(texts(&rows, &checking), ["Prices fell a lot."]);
        let none = Filter {
            verdict: VerdictFilter::None,
            ..Filter::default()
        };
        assert_eq!(texts(&rows, &none), ["Nobody came."]);
        let text = Filter {
            text: " B.TXT ".into(),
            ..Filter::default()
        };
        assert_eq!(shown(&rows, &text), [2]);
        let by = |sort| {
            shown(
                &rows,
                &Filter {
                    sort,
                    ..Filter::default()
                },
            )
        };
        assert_eq!(by(Sort::Status), [1, 2, 0]);
        assert_eq!(by(Sort::Verdict), [2, 0, 1]);
        assert_eq!(by(Sort::Claimant), [0, 2, 1]);
    }
}
