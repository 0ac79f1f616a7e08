//! The words that make a capitalised name an organisation's or a place's rather than a
//! person's (`Finance Ministry`, `Harbour Board of Vessby`, `Varna Street`), for
//! `names`; the words for a business (`Logistics`) and for what organisations and
//! people issue (`the statement said`).

use super::text::WordSet;

/// Last words that make a run an organisation or a place, not a person.
pub(super) static ORG_WORDS: WordSet = WordSet::new(&[
    "Ministry",
    "Council",
    "Institute",
    "Party",
    "Staff",
    "Authority",
    "Agency",
    "Office",
    "Bank",
    "Government",
    "Police",
    "Army",
    "Union",
    "Commission",
    "Committee",
    "Department",
    "Street",
    "Square",
    "Bridge",
    "Road",
    "Valley",
    "River",
    "Research",
    "Wire",
    "Times",
    "News",
    "Declaration",
    "Airport",
    "Station",
    "University",
    "School",
    "Hospital",
    "Court",
    "Parliament",
    "Assembly",
    "Fund",
    "Service",
    "Services",
    "Association",
    "Federation",
    "Brigade",
    "Forces",
    "Guard",
    "Board",
    "Centre",
    "Center",
    "Greens",
    "Directorate",
    "Society",
    "Chamber",
    "Secretariat",
    "Observatory",
    "Cooperative",
    "Co-operative",
    "Club",
    "Foundation",
    "Trust",
    "Network",
    "Alliance",
    "Coalition",
    "League",
    "Confederation",
    "Bureau",
    "Tribunal",
    "Academy",
    "Museum",
    "Orchestra",
]);

/// Last words of a business's name (`Daehan Marine Logistics`): what `the company`
/// can mean.
pub(super) static BUSINESS_WORDS: WordSet = WordSet::new(&[
    "Logistics",
    "Exporters",
    "Industries",
    "Airlines",
    "Airways",
    "Mining",
    "Technologies",
    "Limited",
    "Ltd",
    "Holdings",
    "Corporation",
    "Group",
    "Company",
    "Consortium",
]);

/// Is `w` a word that makes a name an organisation's or a place's?
pub(super) fn is_org_word(w: &str) -> bool {
    ORG_WORDS.contains(&w) || BUSINESS_WORDS.contains(&w)
}

/// What an organisation or a person issues: `the statement said` means its author.
pub(super) const DOCUMENTS: &[&str] = &[
    "statement",
    "letter",
    "bulletin",
    "reply",
    "notice",
    "release",
    "post",
    "message",
    "report",
];
