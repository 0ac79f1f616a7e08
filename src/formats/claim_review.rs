//! ClaimReview: the project's finished fact checks as schema.org JSON-LD, the structured
//! data a fact-check page embeds so that search engines (Google's fact-check rich
//! results, Fact Check Explorer) and fact-check databases show the verdict. Owns the
//! wire structs (apart from the model), which checked claims become a ClaimReview, and
//! the notes on those left out. Claims are read through [`crate::model::claims`].
//!
//! One file: `{"@context": "https://schema.org", "@graph": [ClaimReview, …]}`, a
//! ClaimReview per claim whose status is *checked*, in [`claims::claims`] order.
//!
//! What Google's fact-check documentation asks for, and what spanmark writes:
//! - **Required**: `claimReviewed` (the claim's text, exactly as in the article),
//!   `reviewRating` with its required `alternateName` (the verdict, as the project
//!   writes it), and `url` (the claim's `review url`, the published fact check). A
//!   checked claim without a verdict, or without a review URL that is a URL, is left
//!   out (counted in [`LeftOut`]): without them Google does not use the ClaimReview.
//! - **Recommended**, written when the project knows them and omitted otherwise (never
//!   an empty string): `author` (the desk's publisher, an `Organization` with `name`
//!   and `url`), `datePublished` (the claim's `reviewed` date), `itemReviewed` (a
//!   `Claim`: its `author`, the claimant; its `datePublished`, the article's date; its
//!   `appearance`, the article as a `CreativeWork` with its `url`, its authors and its
//!   outlet as `publisher`), and the rating's `ratingValue`, `bestRating` and
//!   `worstRating` (only for a verdict on the desk's numeric scale,
//!   [`claims::rating_of`]; `misleading` and `unverifiable` go by name only).
//! - Not written: the claim's `firstAppearance` (spanmark cannot tell whether the
//!   article was the first), the article's `headline` (a project keeps no title apart
//!   from the document's name, which is often a file name), the rating's `name`.
//!
//! The claimant is written as a `Person`. The `claimant` field is free text (filled by
//! hand or by a *claimed by* link to the span naming who made the claim), and in news
//! articles that is mostly a person; Google accepts a Person or an Organization and
//! shows only the name, while a guess from the text could not be checked. A dated
//! value that is not a date (a hand-edited file) is left out rather than written.

use crate::model::claims::{self, Claim};
use crate::model::{AttributeKind, Project};
use serde::Serialize;

/// schema.org's context, as Google wants it named.
pub const CONTEXT: &str = "https://schema.org";

/// The JSON-LD document: the context and one ClaimReview per exported claim.
#[derive(Debug, Serialize)]
pub struct ClaimReviewGraph<'a> {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "@graph")]
    pub reviews: Vec<ClaimReview<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimReview<'a> {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub claim_reviewed: &'a str,
    pub review_rating: ReviewRating<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_reviewed: Option<ClaimItem<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Agent<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<&'a str>,
    pub url: &'a str,
}

/// The verdict: by name always, on the numeric scale when it is on it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewRating<'a> {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating_value: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_rating: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worst_rating: Option<usize>,
    pub alternate_name: &'a str,
}

/// The claim reviewed: who made it, when and where.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimItem<'a> {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Agent<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appearance: Option<Appearance<'a>>,
}

/// The article the claim appeared in.
#[derive(Debug, Serialize)]
pub struct Appearance<'a> {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<Agent<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Agent<'a>>,
}

/// A `Person` or an `Organization`, with what is known of it.
#[derive(Debug, Serialize)]
pub struct Agent<'a> {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

/// The claims not exported, each counted once, under its first reason in this order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Not checked yet (status *to check* or *checking*): nothing to publish.
    pub not_checked: usize,
    /// Checked, but without a verdict (ClaimReview's required rating).
    pub no_verdict: usize,
    /// Checked, with a verdict, but without a review URL that is a URL (ClaimReview's
    /// required `url`).
    pub no_review_url: usize,
}

/// A project's ClaimReview export and what its user should know about it.
#[derive(Debug)]
pub struct ClaimReviewExport<'a> {
    pub graph: ClaimReviewGraph<'a>,
    pub left_out: LeftOut,
    /// Exported reviews without a review date (`datePublished`).
    pub undated: usize,
    /// The desk has no publisher's name (the reviews' `author`).
    pub no_publisher: bool,
}

impl ClaimReviewExport<'_> {
    /// The JSON-LD, pretty-printed, with a trailing newline: the same project gives the
    /// same bytes.
    pub fn to_json(&self) -> String {
        // Only strings, numbers and structs: serializing them cannot fail.
        let mut json = serde_json::to_string_pretty(&self.graph).unwrap_or_default();
        json.push('\n');
        json
    }

    /// How many ClaimReviews there are.
    pub fn exported(&self) -> usize {
        self.graph.reviews.len()
    }

    /// What the user should know, one line each (none when every claim was exported
    /// whole).
    pub fn notes(&self) -> Vec<String> {
        let LeftOut {
            not_checked,
            no_verdict,
            no_review_url,
        } = self.left_out;
        let plural = |n: usize| if n == 1 { "claim" } else { "claims" };
        let mut notes = Vec::new();
        if not_checked > 0 {
            notes.push(format!(
                "{not_checked} {} not exported: not checked yet (only claims with status \"checked\" are)",
                plural(not_checked)
            ));
        }
        if no_verdict > 0 {
            notes.push(format!(
                "{no_verdict} checked {} left out: no verdict (ClaimReview requires a rating)",
                plural(no_verdict)
            ));
        }
        if no_review_url > 0 {
            notes.push(format!(
                "{no_review_url} checked {} left out: no review URL (ClaimReview requires url, the address of the published fact check)",
                plural(no_review_url)
            ));
        }
        if self.no_publisher && self.exported() > 0 {
            notes.push(
                "the desk has no publisher set: the reviews have no author (set it in the desk's settings)"
                    .to_owned(),
            );
        }
        if self.undated > 0 {
            let s = if self.undated == 1 { "" } else { "s" };
            notes.push(format!(
                "{} review{s} without a review date: no datePublished",
                self.undated
            ));
        }
        notes
    }
}

/// The ClaimReviews of `project`'s checked claims.
pub fn claim_review(project: &Project) -> ClaimReviewExport<'_> {
    let desk = &project.desk;
    let publisher = known(&desk.publisher);
    let publisher_url = url(&desk.publisher_url);
    let author = || {
        (publisher.is_some() || publisher_url.is_some()).then_some(Agent {
            kind: "Organization",
            name: publisher,
            url: publisher_url,
        })
    };
    let mut reviews = Vec::new();
    let mut left_out = LeftOut::default();
    let mut undated = 0;
    for claim in claims::claims(project) {
        if !claim.is_checked() {
            left_out.not_checked += 1;
            continue;
        }
        let Some(verdict) = known(claim.verdict()) else {
            left_out.no_verdict += 1;
            continue;
        };
        let Some(review_url) = url(claim.review_url()) else {
            left_out.no_review_url += 1;
            continue;
        };
        let rating = claims::rating_of(project, verdict);
        let date_published = date(claim.reviewed());
        undated += usize::from(date_published.is_none());
        reviews.push(ClaimReview {
            kind: "ClaimReview",
            claim_reviewed: claim.text,
            review_rating: ReviewRating {
                kind: "Rating",
                rating_value: rating.map(|r| r.value),
                best_rating: rating.map(|r| r.best),
                worst_rating: rating.map(|r| r.worst),
                alternate_name: verdict,
            },
            item_reviewed: item_reviewed(&claim),
            author: author(),
            date_published,
            url: review_url,
        });
    }
    ClaimReviewExport {
        graph: ClaimReviewGraph {
            context: CONTEXT,
            reviews,
        },
        left_out,
        undated,
        no_publisher: publisher.is_none(),
    }
}

/// [`claim_review`]'s JSON-LD (see [`ClaimReviewExport::to_json`]).
pub fn to_json(project: &Project) -> String {
    claim_review(project).to_json()
}

/// The claim as ClaimReview's `itemReviewed`; `None` when nothing about it is known.
fn item_reviewed<'a>(claim: &Claim<'a>) -> Option<ClaimItem<'a>> {
    let meta = &claim.document.meta;
    let article_url = meta.url.as_deref().and_then(url);
    let authors: Vec<Agent<'a>> = meta
        .authors
        .iter()
        .filter_map(|a| known(a))
        .map(|name| Agent {
            kind: "Person",
            name: Some(name),
            url: None,
        })
        .collect();
    let outlet = meta.outlet.as_deref().and_then(known).map(|name| Agent {
        kind: "Organization",
        name: Some(name),
        url: None,
    });
    let appearance =
        (article_url.is_some() || !authors.is_empty() || outlet.is_some()).then_some(Appearance {
            kind: "CreativeWork",
            url: article_url,
            author: authors,
            publisher: outlet,
        });
    let claimant = known(claim.claimant()).map(|name| Agent {
        kind: "Person",
        name: Some(name),
        url: None,
    });
    let date_published = meta.published.as_deref().and_then(date);
    (claimant.is_some() || date_published.is_some() || appearance.is_some()).then_some(ClaimItem {
        kind: "Claim",
        author: claimant,
        date_published,
        appearance,
    })
}

/// `value` trimmed, when anything is left.
fn known(value: &str) -> Option<&str> {
    Some(value.trim()).filter(|v| !v.is_empty())
}

/// `value` when it is a URL.
fn url(value: &str) -> Option<&str> {
    known(value).filter(|v| AttributeKind::Url.check(v).is_ok())
}

/// `value` when it is a date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
fn date(value: &str) -> Option<&str> {
    known(value).filter(|v| AttributeKind::Date.check(v).is_ok())
}

#[cfg(test)]
pub(super) mod tests;
