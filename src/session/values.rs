//! Values a new span gets from its text: a figure's value (its canonical quantity,
//! `90000000000 USD`) and its kind (`money`), read by [`crate::model::value`] when the
//! span is made by hand or from a suggestion, only where the label offers the field and
//! the span has no value yet. What the reader cannot read is left empty, never guessed;
//! every value stays editable. A new claim gets the first check status (*to check*).

use super::Session;
use crate::model::claims;
use crate::model::schema::AttributeKind;
use crate::model::{Document, Span, value};

impl Session {
    /// Fills the fields of `span` (in `doc`) its text answers.
    pub(super) fn with_values(&self, doc: &Document, mut span: Span) -> Span {
        let Some(label) = self.project.labels.get(&span.label) else {
            return span;
        };
        // A new claim is still to be checked.
        if claims::is_claim_label(label)
            && let Some(first) = label
                .field(claims::STATUS)
                .and_then(|f| f.kind.values().first())
            && !span.attributes.contains_key(claims::STATUS)
        {
            span.attributes
                .insert(claims::STATUS.to_owned(), first.clone());
        }
        let Some(quantity) = label
            .attributes
            .iter()
            .find(|f| f.kind == AttributeKind::Quantity)
        else {
            return span;
        };
        if span.attributes.contains_key(&quantity.name) {
            return span;
        }
        let Some(read) = doc.slice(span.range).and_then(value::read) else {
            return span;
        };
        span.attributes
            .insert(quantity.name.clone(), value::format(&read));
        let kind = read.kind.name();
        let offers_kind = label
            .field("kind")
            .is_some_and(|f| f.kind.values().iter().any(|v| v == kind));
        if offers_kind && !span.attributes.contains_key("kind") {
            span.attributes.insert("kind".to_owned(), kind.to_owned());
        }
        span
    }
}

#[cfg(test)]
mod tests {
    use crate::fixture;
    use crate::session::{EditCommand, Session, SessionCommand, ViewCommand};

    fn tag(s: &mut Session, text: &str, needle: &str, label: &str) {
        let doc = &s.project().documents()[0];
        let at = doc.text().find(needle).unwrap();
        let start = doc.text()[..at].chars().count();
        let range = crate::model::CharRange::new(start, start + needle.chars().count());
        s.apply(SessionCommand::View(ViewCommand::Select(Some(range))))
            .unwrap();
        s.apply(SessionCommand::Edit(EditCommand::Tag(label.to_owned())))
            .unwrap();
        let _ = text;
    }

    #[test]
    fn a_new_figure_gets_its_value_and_kind_and_unreadable_ones_stay_empty() {
        let text = "Kyiv asked for $90 billion and dozens of drones; 270 drones fell.";
        let mut s = Session::new(fixture::project("p", &[("a.txt", text)]), None, true);
        tag(&mut s, text, "$90 billion", "figure");
        tag(&mut s, text, "dozens", "figure");
        tag(&mut s, text, "270 drones", "figure");
        tag(&mut s, text, "Kyiv", "claim");
        let doc = &s.project().documents()[0];
        let got: Vec<(String, Option<&str>, Option<&str>)> = doc
            .spans()
            .iter()
            .map(|sp| {
                (
                    doc.slice(sp.range).unwrap().to_owned(),
                    sp.attributes.get("value").map(String::as_str),
                    sp.attributes.get("kind").map(String::as_str),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Kyiv".to_owned(), None, None),
                (
                    "$90 billion".to_owned(),
                    Some("90000000000 USD"),
                    Some("money")
                ),
                ("dozens".to_owned(), None, None),
                ("270 drones".to_owned(), Some("270 drone"), Some("count")),
            ]
        );
        // One undo step takes the span with its values.
        s.apply(SessionCommand::Undo).unwrap();
        assert_eq!(s.project().span_count(), 3);
    }
}
