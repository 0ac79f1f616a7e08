//! The fact-check desk's settings of a project: the organisation that publishes its
//! checks (ClaimReview's `author`) and how many of the claim label's verdicts, best
//! first, form the numeric rating scale (`ratingValue` between `worstRating` and
//! `bestRating`); the verdicts after them (`misleading`, `unverifiable`) are published by
//! name only.

use super::schema::AttributeKind;

/// How many verdicts of the default scale are rated: true … false.
pub const DEFAULT_RATED_VERDICTS: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Desk {
    /// The organisation publishing the fact checks: `Acme Fact Check`.
    pub publisher: String,
    /// Its web address: `https://…`.
    pub publisher_url: String,
    /// How many verdicts, from the first (the best), are on the numeric scale.
    pub rated_verdicts: usize,
}

impl Default for Desk {
    fn default() -> Self {
        Self {
            publisher: String::new(),
            publisher_url: String::new(),
            rated_verdicts: DEFAULT_RATED_VERDICTS,
        }
    }
}

impl Desk {
    pub fn is_default(&self) -> bool {
        *self == Desk::default()
    }

    /// Blanks trimmed away.
    pub fn cleaned(mut self) -> Self {
        self.publisher = self.publisher.trim().to_owned();
        self.publisher_url = self.publisher_url.trim().to_owned();
        self
    }

    /// What does not fit: a publisher address that is not a URL, a name with control
    /// characters.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.publisher.chars().any(char::is_control) {
            problems.push("the publisher's name has control characters".to_owned());
        }
        if !self.publisher_url.is_empty()
            && let Err(why) = AttributeKind::Url.check(&self.publisher_url)
        {
            problems.push(format!("publisher URL: {why}"));
        }
        problems
    }
}

/// Where a verdict sits on the numeric scale: `value` from `worst` (1) to `best`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rating {
    pub value: usize,
    pub best: usize,
    pub worst: usize,
}

/// The rating of `verdict` on `scale` (the verdicts, best first) of which the first
/// `rated` are numeric; `None` for a verdict off the numeric scale or not on it at all.
pub fn rating(scale: &[String], rated: usize, verdict: &str) -> Option<Rating> {
    let rated = rated.min(scale.len());
    let at = scale[..rated].iter().position(|v| v == verdict)?;
    Some(Rating {
        value: rated - at,
        best: rated,
        worst: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale() -> Vec<String> {
        super::super::schema::VERDICTS
            .iter()
            .map(|v| (*v).to_owned())
            .collect()
    }

    #[test]
    fn the_best_verdict_gets_the_best_rating_and_unrated_ones_none() {
        let scale = scale();
        let r = |v| rating(&scale, DEFAULT_RATED_VERDICTS, v);
        assert_eq!(
            r("true"),
            Some(Rating {
                value: 5,
                best: 5,
                worst: 1
            })
        );
        assert_eq!(r("false").map(|r| r.value), Some(1));
        assert_eq!(r("half true").map(|r| r.value), Some(3));
        assert_eq!(r("misleading"), None);
        assert_eq!(r("unverifiable"), None);
        assert_eq!(r("nonsense"), None);
        // A short scale: every verdict rated, however many were asked for.
        let two = vec!["correct".to_owned(), "wrong".to_owned()];
        assert_eq!(
            rating(&two, 5, "wrong").map(|r| (r.value, r.best)),
            Some((1, 2))
        );
        assert_eq!(rating(&two, 0, "wrong"), None);
    }

    #[test]
    fn a_publisher_address_must_be_a_url() {
        let desk = Desk {
            publisher_url: "acme.example".to_owned(),
            ..Desk::default()
        };
        assert_eq!(desk.problems().len(), 1);
        let desk = Desk {
            publisher: " Acme Fact Check ".to_owned(),
            publisher_url: "https://acme.example/".to_owned(),
            ..Desk::default()
        }
        .cleaned();
        assert!(desk.problems().is_empty());
        assert_eq!(desk.publisher, "Acme Fact Check");
        assert!(!desk.is_default());
    }
}
