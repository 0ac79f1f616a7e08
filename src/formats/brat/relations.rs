//! brat relations: `R1<TAB>attributed_to Arg1:T3 Arg2:T5` per relation (brat's types
//! are one token, so blanks become `_`, as for labels), declared in `annotation.conf`
//! under `[relations]` with the entity types allowed at each end (`<ENTITY>`: any).
//! On import an `R` line's type is mapped back to the project's relation type of that
//! brat name; `*` lines (brat's equivalences) have no counterpart and are reported.

use super::{brat_type, shown_id};
use crate::formats::json::{ExportDocument, ExportFile, ExportRelation};
use crate::formats::report::{Findings, Skip};
use crate::model::RelationType;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

/// The `R` lines of one document; spans are `T1`, `T2`… in the document's order (as
/// [`super::ann`] numbers them).
pub(super) fn lines(doc: &ExportDocument<'_>, relations: &[ExportRelation]) -> String {
    let t_of: HashMap<u64, usize> = doc
        .spans
        .iter()
        .enumerate()
        .map(|(n, s)| (s.id, n + 1))
        .collect();
    let mut out = String::new();
    let mut r = 0;
    for relation in relations {
        let (Some(from), Some(to)) = (t_of.get(&relation.from), t_of.get(&relation.to)) else {
            continue;
        };
        r += 1;
        // Writing into a String cannot fail.
        let _ = writeln!(
            out,
            "R{r}\t{} Arg1:T{from} Arg2:T{to}",
            brat_type(&relation.kind)
        );
    }
    out
}

/// The `[relations]` lines of `annotation.conf`: every relation type of the export,
/// then any other type a relation uses (any entity at either end).
pub(super) fn conf_lines(export: &ExportFile<'_>) -> String {
    let ends = |labels: &[String]| {
        if labels.is_empty() {
            "<ENTITY>".to_owned()
        } else {
            labels
                .iter()
                .map(|l| brat_type(l))
                .collect::<Vec<_>>()
                .join("|")
        }
    };
    let mut out = String::new();
    let mut seen = BTreeSet::new();
    for t in &export.relation_types {
        if seen.insert(brat_type(&t.name)) {
            let _ = writeln!(
                out,
                "{}\tArg1:{}, Arg2:{}",
                brat_type(&t.name),
                ends(&t.from),
                ends(&t.to)
            );
        }
    }
    for relations in &export.relations {
        for relation in relations {
            if seen.insert(brat_type(&relation.kind)) {
                let _ = writeln!(
                    out,
                    "{}\tArg1:<ENTITY>, Arg2:<ENTITY>",
                    brat_type(&relation.kind)
                );
            }
        }
    }
    out
}

/// An `R` line as read, its ends still brat ids.
pub(super) struct RawRelation {
    at: String,
    id: String,
    kind: String,
    from: String,
    to: String,
}

/// Reads the fields of an `R` line (`R1`, `type Arg1:T1 Arg2:T2`); a line that is not
/// one is counted as a malformed relation.
pub(super) fn parse(fields: &[&str], at: String, found: &mut Findings) -> Option<RawRelation> {
    let id = fields.first().copied().unwrap_or_default();
    let parts: Vec<&str> = fields
        .get(1)
        .copied()
        .unwrap_or_default()
        .split(' ')
        .collect();
    let arg = |name: &str| {
        parts
            .iter()
            .find_map(|p| p.strip_prefix(name))
            .map(str::to_owned)
    };
    match (parts.first(), arg("Arg1:"), arg("Arg2:")) {
        (Some(kind), Some(from), Some(to)) if !kind.is_empty() => Some(RawRelation {
            at,
            id: id.to_owned(),
            kind: (*kind).to_owned(),
            from,
            to,
        }),
        _ => {
            let what = format!("{} is not \"type Arg1:T1 Arg2:T2\"", shown_id(id));
            found.relation_dropped(Skip::Malformed, &at, &what);
            None
        }
    }
}

/// A `*` line (an equivalence): counted, as spanmark has nothing like it.
pub(super) fn equivalence(at: &str, found: &mut Findings) {
    found.relation_dropped(
        Skip::Unsupported,
        at,
        "brat's equivalences (*) are not supported",
    );
}

/// The relations of the file by the spans' ids in `spans` order (`index_of` maps a
/// brat id to the span's index), with their types as the project names them where
/// one of its `types` has that brat name.
pub(super) fn resolve(
    raw: Vec<RawRelation>,
    index_of: impl Fn(&str) -> Option<usize>,
    types: &[RelationType],
    found: &mut Findings,
) -> Vec<ExportRelation> {
    let mut out = Vec::with_capacity(raw.len());
    for (n, r) in raw.into_iter().enumerate() {
        let (Some(from), Some(to)) = (index_of(&r.from), index_of(&r.to)) else {
            let missing = if index_of(&r.from).is_none() {
                &r.from
            } else {
                &r.to
            };
            let what = format!(
                "{}: its end {} is not a span of the file (or was left out)",
                shown_id(&r.id),
                shown_id(missing)
            );
            found.relation_dropped(Skip::MissingEnd, &r.at, &what);
            continue;
        };
        let kind = types
            .iter()
            .find(|t| brat_type(&t.name) == r.kind)
            .map_or(r.kind, |t| t.name.clone());
        out.push(ExportRelation {
            id: n as u64 + 1,
            kind,
            from: from as u64 + 1,
            to: to as u64 + 1,
        });
    }
    out
}
