//! The claims of a project as the fact-check desk sees them: every span whose label is
//! a claim label (named `claim`, or offering a `verdict` field), with its check status,
//! verdict, claimant, type, sources, review date and address, and the figures inside it
//! or linked to it (`supported by`) with their values. The desk view, the claims CSV,
//! ClaimReview and the HTML report all read claims through here.

use super::desk::{self, Rating};
use super::schema::{CLAIM_STATUS, FIGURE_VALUE, SUPPORTED_BY, VERDICTS};
use super::value::{self, FigureValue};
use super::{Document, Label, Project, Span, SpanId};
use std::collections::HashMap;

/// The claim fields, by name.
pub const STATUS: &str = "status";
pub const VERDICT: &str = "verdict";
pub const CLAIMANT: &str = "claimant";
pub const CLAIM_TYPE: &str = "type";
pub const SOURCES: &str = "sources";
/// The date the check was published (`YYYY-MM-DD`), set when the status becomes
/// *checked*.
pub const REVIEWED: &str = "reviewed";
/// The address of the published fact check.
pub const REVIEW_URL: &str = "review url";

/// Is `label` a claim label: named `claim`, or offering a `verdict` field?
pub fn is_claim_label(label: &Label) -> bool {
    label.name == "claim" || label.field(VERDICT).is_some()
}

/// Is `label` a figure label: offering a `value` field?
pub fn is_figure_label(label: &Label) -> bool {
    label.field(FIGURE_VALUE).is_some()
}

/// One source of a claim's check: an address and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub url: String,
    pub note: String,
}

/// The sources written in a `sources` value: a line each, the address first, then a
/// note (blank lines skipped).
pub fn read_sources(value: &str) -> Vec<Source> {
    value
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| match line.split_once(char::is_whitespace) {
            Some((url, note)) => Source {
                url: url.to_owned(),
                note: note.trim().to_owned(),
            },
            None => Source {
                url: line.to_owned(),
                note: String::new(),
            },
        })
        .collect()
}

/// A figure a claim rests on: inside the claim's text, or linked from it.
#[derive(Clone, Debug)]
pub struct ClaimFigure<'a> {
    pub span: &'a Span,
    pub text: &'a str,
    /// The value as written in the span's `value` field (empty: none).
    pub value_text: &'a str,
    /// The value read, when it is one.
    pub value: Option<FigureValue>,
    /// Linked from the claim (`supported by`) rather than inside it.
    pub linked: bool,
}

impl ClaimFigure<'_> {
    /// The value for people: `270 drone`, `$90 billion`; empty when there is none.
    pub fn value_shown(&self) -> String {
        match &self.value {
            Some(v) => value::display(v),
            None => self.value_text.to_owned(),
        }
    }
}

/// One claim of a project.
#[derive(Clone, Debug)]
pub struct Claim<'a> {
    pub document: &'a Document,
    pub span: &'a Span,
    pub text: &'a str,
    pub figures: Vec<ClaimFigure<'a>>,
}

impl<'a> Claim<'a> {
    /// A field's value, empty when it has none.
    pub fn field(&self, name: &str) -> &'a str {
        self.span.attributes.get(name).map_or("", String::as_str)
    }

    /// The check status; a claim without one is still *to check*.
    pub fn status(&self) -> &'a str {
        match self.field(STATUS) {
            "" => CLAIM_STATUS[0],
            status => status,
        }
    }

    pub fn verdict(&self) -> &'a str {
        self.field(VERDICT)
    }

    pub fn claimant(&self) -> &'a str {
        self.field(CLAIMANT)
    }

    pub fn claim_type(&self) -> &'a str {
        self.field(CLAIM_TYPE)
    }

    pub fn sources(&self) -> Vec<Source> {
        read_sources(self.field(SOURCES))
    }

    pub fn reviewed(&self) -> &'a str {
        self.field(REVIEWED)
    }

    pub fn review_url(&self) -> &'a str {
        self.field(REVIEW_URL)
    }

    /// Is the check done (status *checked*)?
    pub fn is_checked(&self) -> bool {
        self.status() == CLAIM_STATUS[2]
    }
}

/// Every claim of the project, by document and then by place in the text.
pub fn claims(project: &Project) -> Vec<Claim<'_>> {
    let claim_labels: Vec<&str> = project
        .labels
        .iter()
        .filter(|l| is_claim_label(l))
        .map(|l| l.name.as_str())
        .collect();
    let figure_labels: Vec<&str> = project
        .labels
        .iter()
        .filter(|l| is_figure_label(l))
        .map(|l| l.name.as_str())
        .collect();
    let mut out = Vec::new();
    for doc in project.documents() {
        let mut supported: HashMap<SpanId, Vec<SpanId>> = HashMap::new();
        for r in doc.relations().iter().filter(|r| r.kind == SUPPORTED_BY) {
            supported.entry(r.from).or_default().push(r.to);
        }
        for span in doc.spans() {
            if !claim_labels.contains(&span.label.as_str()) {
                continue;
            }
            let is_figure = |s: &Span| figure_labels.contains(&s.label.as_str());
            let mut figures: Vec<ClaimFigure> = doc
                .spans_overlapping(span.range)
                .into_iter()
                .filter(|s| {
                    s.id != span.id
                        && is_figure(s)
                        && s.range.start >= span.range.start
                        && s.range.end <= span.range.end
                })
                .map(|s| figure(doc, s, false))
                .collect();
            for to in supported.get(&span.id).into_iter().flatten() {
                if let Some(s) = doc.span(*to).filter(|s| is_figure(s))
                    && !figures.iter().any(|f| f.span.id == s.id)
                {
                    figures.push(figure(doc, s, true));
                }
            }
            out.push(Claim {
                document: doc,
                span,
                text: doc.slice(span.range).unwrap_or(""),
                figures,
            });
        }
    }
    out
}

/// How many claims the project has, without reading them (the label counts each
/// document keeps).
pub fn count(project: &Project) -> usize {
    let labels: Vec<&str> = project
        .labels
        .iter()
        .filter(|l| is_claim_label(l))
        .map(|l| l.name.as_str())
        .collect();
    project
        .documents()
        .iter()
        .map(|d| labels.iter().map(|l| d.count_label(l)).sum::<usize>())
        .sum()
}

fn figure<'a>(doc: &'a Document, span: &'a Span, linked: bool) -> ClaimFigure<'a> {
    let value_text = span.attributes.get(FIGURE_VALUE).map_or("", String::as_str);
    ClaimFigure {
        span,
        text: doc.slice(span.range).unwrap_or(""),
        value_text,
        value: value::read(value_text),
        linked,
    }
}

/// The project's verdicts, best first: the values of its claim label's `verdict`
/// choice, or the default scale.
pub fn verdict_scale(project: &Project) -> Vec<String> {
    project
        .labels
        .iter()
        .filter(|l| is_claim_label(l))
        .find_map(|l| l.field(VERDICT))
        .map(|f| f.kind.values().to_vec())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| VERDICTS.iter().map(|v| (*v).to_owned()).collect())
}

/// Where `verdict` sits on the project's numeric scale, if it is on it.
pub fn rating_of(project: &Project, verdict: &str) -> Option<Rating> {
    desk::rating(
        &verdict_scale(project),
        project.desk.rated_verdicts,
        verdict,
    )
}

/// The check statuses a claim may have, in order.
pub fn statuses(project: &Project) -> Vec<String> {
    project
        .labels
        .iter()
        .filter(|l| is_claim_label(l))
        .find_map(|l| l.field(STATUS))
        .map(|f| f.kind.values().to_vec())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| CLAIM_STATUS.iter().map(|v| (*v).to_owned()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use crate::model::{CharRange, Relation, RelationId};

    #[test]
    fn claims_carry_their_fields_and_the_figures_inside_or_linked() {
        let mut project = fixture::project(
            "p",
            &[(
                "a.txt",
                "Exports fell to $90 billion, she said. Imports rose 270 drones.",
            )],
        );
        let doc = project.documents()[0].id;
        let mut add = |label: &str, start: usize, end: usize, attrs: &[(&str, &str)]| {
            let id = project.allocate_span_id();
            let mut span = Span::new(id, label, CharRange::new(start, end));
            for (k, v) in attrs {
                span.attributes.insert((*k).to_owned(), (*v).to_owned());
            }
            assert!(project.insert_span(doc, span));
            id
        };
        let claim = add(
            "claim",
            0,
            27,
            &[
                ("status", "checked"),
                ("verdict", "false"),
                (
                    "sources",
                    "https://stats.example/t1 the trade table\n\nhttps://b.example",
                ),
            ],
        );
        let inside = add("figure", 16, 27, &[("value", "90000000000 USD")]);
        let elsewhere = add("figure", 51, 62, &[("value", "270 drone")]);
        add("claim", 39, 62, &[]);
        assert!(project.insert_relation(
            doc,
            Relation {
                id: RelationId(1),
                kind: SUPPORTED_BY.to_owned(),
                from: claim,
                to: elsewhere,
            },
        ));
        let all = claims(&project);
        assert_eq!(all.len(), 2);
        assert_eq!(count(&project), 2);
        let first = &all[0];
        assert_eq!(first.text, "Exports fell to $90 billion");
        assert!(first.is_checked());
        assert_eq!(first.verdict(), "false");
        assert_eq!(
            first.sources(),
            vec![
                Source {
                    url: "https://stats.example/t1".to_owned(),
                    note: "the trade table".to_owned()
                },
                Source {
                    url: "https://b.example".to_owned(),
                    note: String::new()
                }
            ]
        );
        let figures: Vec<(SpanId, bool, String)> = first
            .figures
            .iter()
            .map(|f| (f.span.id, f.linked, f.value_shown()))
            .collect();
        assert_eq!(figures.len(), 2, "{figures:?}");
        assert_eq!((figures[0].0, figures[0].1), (inside, false));
        assert_eq!((figures[1].0, figures[1].1), (elsewhere, true));
        assert!(figures[1].2.contains("270"), "{figures:?}");
        // The second claim has no status: it is still to be checked; the figure
        // inside it is found by place.
        assert_eq!(all[1].status(), "to check");
        assert_eq!(all[1].figures.len(), 1);
        assert_eq!(rating_of(&project, "false").map(|r| r.value), Some(1));
        assert_eq!(rating_of(&project, "unverifiable"), None);
    }
}
