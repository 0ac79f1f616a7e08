//! What the discourse pass saw, for the learned ranking of a quote's candidate
//! speakers (`super::super::ranker`): the people each sentence mentions, its subject,
//! and whether a pronoun stood for them.

use super::{Discourse, Entity};

/// A person the pass saw in a sentence: where, who, whether as the sentence's subject,
/// and whether a pronoun or a description stood there rather than the name.
pub(in crate::suggest) struct Seen<'a> {
    pub(in crate::suggest) at: usize,
    pub(in crate::suggest) name: &'a str,
    pub(in crate::suggest) subject: bool,
    pub(in crate::suggest) pronoun: bool,
}

impl Discourse {
    /// The sentence holding `at` (by its index), for [`Self::seen_in`].
    pub(in crate::suggest) fn sentence_of(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|s| s.start <= at)
            .saturating_sub(1)
    }

    /// Where sentence `k` starts, if there is one.
    pub(in crate::suggest) fn sentence_start(&self, k: usize) -> Option<usize> {
        self.sentences.get(k).map(|s| s.start)
    }

    /// The named people sentence `k` mentions, in text order, and the organisation
    /// that is its subject (as a subject mention at the sentence start).
    pub(in crate::suggest) fn seen_in(&self, k: usize) -> impl Iterator<Item = Seen<'_>> {
        self.sentences.get(k).into_iter().flat_map(move |s| {
            let people = s.mentions.iter().enumerate().filter_map(move |(m, x)| {
                let Entity::Named(name) = &x.entity else {
                    return None;
                };
                Some(Seen {
                    at: x.at,
                    name,
                    subject: s.subject == Some(m),
                    pronoun: x.described || self.meant.contains_key(&x.at),
                })
            });
            let thing = s.thing.as_deref().map(|name| Seen {
                at: s.start,
                name,
                subject: true,
                pronoun: false,
            });
            thing.into_iter().chain(people)
        })
    }
}
