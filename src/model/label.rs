//! Labels: the tags a span can carry, with their colour, keyboard key and the
//! attribute fields they offer. [`LabelSet::default`] is quote / claim / figure in the
//! Okabe–Ito colour-blind-safe palette.

use super::schema::{
    AttributeDef, AttributeKind, CLAIM_STATUS, CLAIM_TYPES, FIGURE_KINDS, FIGURE_VALUE, VERDICTS,
};

/// One label: `quote`, `claim`, `figure` or a user's own.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Label {
    pub name: String,
    /// `#RRGGBB`.
    pub color: String,
    /// The key that tags a selection with this label, if any.
    pub key: Option<char>,
    /// The attribute fields a span of this label offers (a quote's `speaker`), in the
    /// order the inspector shows them.
    pub attributes: Vec<AttributeDef>,
}

impl Label {
    /// A label whose `attributes` are all text fields.
    pub fn new(name: &str, color: &str, key: Option<char>, attributes: &[&str]) -> Self {
        Self {
            name: name.to_owned(),
            color: color.to_owned(),
            key,
            attributes: attributes.iter().map(|a| AttributeDef::text(a)).collect(),
        }
    }

    /// The same label offering one more field.
    pub fn with_field(mut self, field: AttributeDef) -> Self {
        self.attributes.push(field);
        self
    }

    /// The field named `name`, if the label offers it.
    pub fn field(&self, name: &str) -> Option<&AttributeDef> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// The names of its fields, in order.
    pub fn field_names(&self) -> impl Iterator<Item = &str> {
        self.attributes.iter().map(|a| a.name.as_str())
    }
}

/// The Okabe–Ito palette in the order labels take it: the three defaults first, then
/// the rest, black last.
pub const OKABE_ITO: [&str; 8] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
];

/// The colour for a new label: the first Okabe–Ito colour no label has, else the one
/// fewest labels have (the first of those).
pub fn next_color(labels: &LabelSet) -> &'static str {
    let uses = |c: &str| {
        labels
            .iter()
            .filter(|l| l.color.eq_ignore_ascii_case(c))
            .count()
    };
    OKABE_ITO
        .iter()
        .min_by_key(|c| uses(c))
        .copied()
        .unwrap_or(FALLBACK_COLOR)
}

/// The colour given to labels that arrive without one (Okabe–Ito grey-ish purple).
pub const FALLBACK_COLOR: &str = "#CC79A7";

/// Is `color` of the form `#RRGGBB`?
pub fn is_valid_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Is `name` usable as a label name (non-empty, no surrounding blanks, no control
/// characters)?
pub fn is_valid_label_name(name: &str) -> bool {
    !name.is_empty()
        && name.trim() == name
        && !name.chars().any(char::is_control)
        && name.chars().count() <= MAX_LABEL_CHARS
}

/// The longest label name, in characters.
pub const MAX_LABEL_CHARS: usize = 100;

/// The labels of a project, in the order the label bar shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelSet {
    labels: Vec<Label>,
}

impl Default for LabelSet {
    fn default() -> Self {
        Self {
            labels: vec![
                Label::new("quote", "#0072B2", Some('q'), &["speaker"]),
                Label::new("claim", "#D55E00", Some('c'), &[])
                    .with_field(AttributeDef::choice("status", &CLAIM_STATUS))
                    .with_field(AttributeDef::choice("verdict", &VERDICTS))
                    .with_field(AttributeDef::text("claimant"))
                    .with_field(AttributeDef::choice("type", &CLAIM_TYPES))
                    .with_field(AttributeDef {
                        name: "sources".to_owned(),
                        kind: AttributeKind::Sources,
                    })
                    .with_field(AttributeDef {
                        name: "reviewed".to_owned(),
                        kind: AttributeKind::Date,
                    })
                    .with_field(AttributeDef {
                        name: "review url".to_owned(),
                        kind: AttributeKind::Url,
                    }),
                Label::new("figure", "#009E73", Some('f'), &[])
                    .with_field(AttributeDef::choice("kind", &FIGURE_KINDS))
                    .with_field(AttributeDef {
                        name: FIGURE_VALUE.to_owned(),
                        kind: AttributeKind::Quantity,
                    }),
            ],
        }
    }
}

impl LabelSet {
    /// A label set from a list that is already known to be valid (see
    /// [`crate::store`] for the checks a loaded file goes through).
    pub fn from_vec(labels: Vec<Label>) -> Self {
        Self { labels }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Label> {
        self.labels.iter()
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    pub fn get(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        self.labels.iter().position(|l| l.name == name)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn as_slice(&self) -> &[Label] {
        &self.labels
    }

    pub(crate) fn insert(&mut self, index: usize, label: Label) {
        let index = index.min(self.labels.len());
        self.labels.insert(index, label);
    }

    pub(crate) fn remove(&mut self, name: &str) -> Option<(usize, Label)> {
        let index = self.position(name)?;
        Some((index, self.labels.remove(index)))
    }

    /// Moves label `name` to `index` (clamped); returns where it was.
    pub(crate) fn move_to(&mut self, name: &str, index: usize) -> Option<usize> {
        let from = self.position(name)?;
        let label = self.labels.remove(from);
        let index = index.min(self.labels.len());
        self.labels.insert(index, label);
        Some(from)
    }

    pub(crate) fn replace(&mut self, index: usize, label: Label) -> Label {
        std::mem::replace(&mut self.labels[index], label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_labels_follow_the_design() {
        let labels = LabelSet::default();
        let names: Vec<_> = labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["quote", "claim", "figure"]);
        assert_eq!(
            labels.get("quote").unwrap().attributes,
            [AttributeDef::text("speaker")]
        );
        let kind = labels.get("figure").unwrap().field("kind").unwrap();
        assert_eq!(kind.kind.values(), FIGURE_KINDS);
        assert_eq!(labels.get("claim").unwrap().color, "#D55E00");
        assert!(labels.iter().all(|l| is_valid_color(&l.color)));
    }

    #[test]
    fn new_labels_continue_the_okabe_ito_set() {
        let mut labels = LabelSet::default();
        assert_eq!(next_color(&labels), "#CC79A7");
        labels.insert(9, Label::new("person", "#cc79a7", None, &[]));
        assert_eq!(next_color(&labels), "#E69F00");
        for (i, c) in OKABE_ITO.iter().enumerate().skip(4) {
            labels.insert(99, Label::new(&format!("l{i}"), c, None, &[]));
        }
        // Every colour taken once: the first of them again.
        assert_eq!(next_color(&labels), "#0072B2");
        assert!(OKABE_ITO.iter().all(|c| is_valid_color(c)));
    }

    #[test]
    fn labels_move() {
        let mut labels = LabelSet::default();
        assert_eq!(labels.move_to("figure", 0), Some(2));
        let names: Vec<_> = labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["figure", "quote", "claim"]);
        assert_eq!(labels.move_to("nope", 0), None);
    }

    #[test]
    fn colour_and_name_checks() {
        assert!(is_valid_color("#0a0B0c"));
        assert!(!is_valid_color("0072B2"));
        assert!(!is_valid_color("#0072B"));
        assert!(!is_valid_color("#0072BG"));
        assert!(is_valid_label_name("person"));
        assert!(!is_valid_label_name(" quote"));
        assert!(!is_valid_label_name(""));
    }
}
