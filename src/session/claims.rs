//! The claim keys and what setting a claim's status brings with it: stepping the
//! selected claim's check status (to check → checking → checked), giving it the n-th
//! verdict of the project's scale, and, when the status becomes *checked* and the
//! claim has no review date, today's date in the same undo step (ClaimReview's
//! `datePublished`).

use super::Session;
use crate::edit::Edit;
use crate::model::claims::{self, REVIEWED, STATUS, VERDICT};
use crate::model::schema::CLAIM_STATUS;
use crate::model::{DocId, SpanId};

impl Session {
    /// The selected span, when it is a claim; otherwise why not.
    fn selected_claim(&self) -> Result<(DocId, SpanId), String> {
        let span = self
            .selected_span
            .ok_or("select a claim first (click it or Tab to it)")?;
        let (doc, s) = self
            .project
            .find_span(span)
            .ok_or("the selected span is gone")?;
        let is_claim = self
            .project
            .labels
            .get(&s.label)
            .is_some_and(claims::is_claim_label);
        if !is_claim {
            return Err(format!(
                "span {} is a {}, not a claim: the claim keys set a claim's status and verdict",
                s.id, s.label
            ));
        }
        Ok((doc.id, span))
    }

    /// Moves the selected claim's status one step on (after the last, back to the
    /// first).
    pub(super) fn step_claim_status(&mut self) -> Result<(), String> {
        let (_, span) = self.selected_claim()?;
        let statuses = claims::statuses(&self.project);
        let current = self.attribute(span, STATUS);
        let current = if current.is_empty() {
            statuses.first().cloned().unwrap_or_default()
        } else {
            current
        };
        let next = match statuses.iter().position(|s| *s == current) {
            Some(i) => statuses[(i + 1) % statuses.len()].clone(),
            None => statuses.first().cloned().unwrap_or_default(),
        };
        self.set_claim_field(span, STATUS, next)
    }

    /// Gives the selected claim verdict `index` (0: the first, the best) of the scale.
    pub(super) fn set_verdict(&mut self, index: usize) -> Result<(), String> {
        let (_, span) = self.selected_claim()?;
        let scale = claims::verdict_scale(&self.project);
        let verdict = scale.get(index).cloned().ok_or_else(|| {
            format!(
                "the project's scale has {} verdicts, not {}",
                scale.len(),
                index + 1
            )
        })?;
        self.set_claim_field(span, VERDICT, verdict)
    }

    fn attribute(&self, span: SpanId, key: &str) -> String {
        self.project
            .find_span(span)
            .and_then(|(_, s)| s.attributes.get(key).cloned())
            .unwrap_or_default()
    }

    fn set_claim_field(&mut self, span: SpanId, key: &str, value: String) -> Result<(), String> {
        if self.attribute(span, key) == value {
            return Ok(());
        }
        self.check_value(span, key, &value)?;
        let edit = self.attribute_edit(span, key.to_owned(), Some(value))?;
        self.edit(edit)
    }

    /// The edit setting attribute `key` of `span` (`None`: removing it): with the
    /// review date when a claim's status becomes *checked* without one.
    pub(super) fn attribute_edit(
        &self,
        span: SpanId,
        key: String,
        value: Option<String>,
    ) -> Result<Edit, String> {
        let (doc, s) = self
            .project
            .find_span(span)
            .ok_or_else(|| format!("there is no span {span}"))?;
        let label = self.project.labels.get(&s.label);
        let checked = key == STATUS
            && value.as_deref() == Some(CLAIM_STATUS[2])
            && label.is_some_and(claims::is_claim_label)
            && label.is_some_and(|l| l.field(REVIEWED).is_some())
            && !s.attributes.contains_key(REVIEWED);
        let doc = doc.id;
        let set = Edit::SetAttribute {
            doc,
            span,
            key,
            value,
        };
        if !checked {
            return Ok(set);
        }
        let today: String = self.now().chars().take("YYYY-MM-DD".len()).collect();
        Ok(Edit::Batch(vec![
            set,
            Edit::SetAttribute {
                doc,
                span,
                key: REVIEWED.to_owned(),
                value: Some(today),
            },
        ]))
    }
}

#[cfg(test)]
mod tests {
    use crate::fixture;
    use crate::model::CharRange;
    use crate::session::{EditCommand, Session, SessionCommand, ViewCommand};

    fn session_with_claim() -> (Session, crate::model::SpanId) {
        let project = fixture::project("p", &[("a.txt", "Sales rose 80% last year, he said.")]);
        let mut s = Session::new(project, None, true);
        s.set_clock(Some("2026-11-29T10:00:00Z"));
        s.apply(SessionCommand::View(ViewCommand::Select(Some(
            CharRange::new(0, 24),
        ))))
        .unwrap();
        s.apply(SessionCommand::Edit(EditCommand::Tag("claim".to_owned())))
            .unwrap();
        let span = s.project().documents()[0].spans()[0].id;
        s.apply(SessionCommand::View(ViewCommand::SelectSpan(Some(span))))
            .unwrap();
        (s, span)
    }

    fn field(s: &Session, span: crate::model::SpanId, key: &str) -> Option<String> {
        let (_, sp) = s.project().find_span(span).unwrap();
        sp.attributes.get(key).cloned()
    }

    #[test]
    fn a_claim_goes_from_to_check_to_checked_with_a_verdict_and_the_review_date() {
        let (mut s, span) = session_with_claim();
        assert_eq!(field(&s, span, "status").as_deref(), Some("to check"));
        let step = || SessionCommand::Edit(EditCommand::StepClaimStatus);
        s.apply(step()).unwrap();
        assert_eq!(field(&s, span, "status").as_deref(), Some("checking"));
        assert_eq!(field(&s, span, "reviewed"), None);
        s.apply(SessionCommand::Edit(EditCommand::SetVerdict(3)))
            .unwrap();
        assert_eq!(field(&s, span, "verdict").as_deref(), Some("mostly false"));
        s.apply(step()).unwrap();
        assert_eq!(field(&s, span, "status").as_deref(), Some("checked"));
        assert_eq!(field(&s, span, "reviewed").as_deref(), Some("2026-11-29"));
        // One undo takes back the status and the date it brought.
        s.apply(SessionCommand::Undo).unwrap();
        assert_eq!(field(&s, span, "status").as_deref(), Some("checking"));
        assert_eq!(field(&s, span, "reviewed"), None);
        s.apply(SessionCommand::Redo).unwrap();
        s.apply(SessionCommand::View(ViewCommand::SelectSpan(Some(span))))
            .unwrap();
        // A date already given is kept when the status comes round again.
        s.apply(step()).unwrap();
        assert_eq!(field(&s, span, "status").as_deref(), Some("to check"));
        s.set_clock(Some("2027-01-02T10:00:00Z"));
        s.apply(step()).unwrap();
        s.apply(step()).unwrap();
        assert_eq!(field(&s, span, "reviewed").as_deref(), Some("2026-11-29"));
    }

    #[test]
    fn the_claim_keys_say_why_they_do_nothing_elsewhere() {
        let (mut s, span) = session_with_claim();
        let err = s
            .apply(SessionCommand::Edit(EditCommand::SetVerdict(9)))
            .unwrap_err();
        assert!(err.contains("7 verdicts"), "{err}");
        assert_eq!(field(&s, span, "verdict"), None);
        s.apply(SessionCommand::View(ViewCommand::Select(Some(
            CharRange::new(11, 14),
        ))))
        .unwrap();
        s.apply(SessionCommand::Edit(EditCommand::Tag("figure".to_owned())))
            .unwrap();
        let err = s
            .apply(SessionCommand::Edit(EditCommand::StepClaimStatus))
            .unwrap_err();
        assert!(err.contains("is a figure, not a claim"), "{err}");
        s.apply(SessionCommand::View(ViewCommand::ClearSelection))
            .unwrap();
        let err = s
            .apply(SessionCommand::Edit(EditCommand::SetVerdict(0)))
            .unwrap_err();
        assert!(err.contains("select a claim first"), "{err}");
    }
}
