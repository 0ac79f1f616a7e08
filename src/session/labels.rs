//! Changing the label set: adding, renaming, recolouring, re-keying, reordering and
//! removing labels, each one undo step through the session's one door. The window's
//! label editor and `spanmark labels` send the same [`LabelCommand`]s, so a key clash,
//! a bad colour or a label still in use is refused with the same message in both.
//! The pure checks ([`check_key`], [`cleaned_attributes`]) are here too.

use super::Session;
use super::command::LabelCommand;
use crate::edit::Edit;
use crate::model::label::next_color;
use crate::model::{AttributeDef, AttributeKind, Label, LabelSet};
use crate::shown::quoted;

impl Session {
    /// Letters the window's command table takes (a label may not have them as keys),
    /// with what each does.
    pub fn set_reserved_keys(&mut self, keys: Vec<(char, String)>) {
        self.reserved_keys = keys;
    }

    /// Keeps the reserved keys of `other` (a session being replaced by this one).
    pub fn keep_reserved_keys(&mut self, other: &Session) {
        self.reserved_keys.clone_from(&other.reserved_keys);
    }

    pub fn reserved_keys(&self) -> &[(char, String)] {
        &self.reserved_keys
    }

    /// How many spans of the project carry `label`.
    pub fn label_use(&self, label: &str) -> usize {
        self.project
            .documents()
            .iter()
            .map(|d| d.count_label(label))
            .sum()
    }

    pub(super) fn change_labels(&mut self, command: LabelCommand) -> Result<(), String> {
        match command {
            LabelCommand::Add(label) => {
                let label = self.checked(label, None)?;
                let name = label.name.clone();
                self.edit(Edit::AddLabel {
                    index: usize::MAX,
                    label,
                })?;
                self.notice = Some(format!("Added label {}; Ctrl+Z undoes", quoted(&name)));
            }
            LabelCommand::Update { name, label } => {
                if !self.project.labels.contains(&name) {
                    return Err(format!("there is no label {}", quoted(&name)));
                }
                let label = self.checked(label, Some(&name))?;
                if self.project.labels.get(&name) == Some(&label) {
                    return Ok(());
                }
                let renamed = (label.name != name).then(|| label.name.clone());
                self.edit(Edit::UpdateLabel {
                    name: name.clone(),
                    label,
                })?;
                self.notice = Some(match renamed {
                    Some(new) => format!(
                        "Renamed label {} to {} ({} spans); Ctrl+Z undoes",
                        quoted(&name),
                        quoted(&new),
                        self.label_use(&new)
                    ),
                    None => format!("Changed label {}; Ctrl+Z undoes", quoted(&name)),
                });
            }
            LabelCommand::Remove { name, relabel_to } => self.remove_label(&name, relabel_to)?,
            LabelCommand::Move { name, to } => {
                if self.project.labels.position(&name) == Some(to) {
                    return Ok(());
                }
                self.edit(Edit::MoveLabel { name, index: to })?;
            }
        }
        Ok(())
    }

    /// `label` made ready to add (`None`) or to replace label `replacing`: a missing
    /// colour is the next Okabe–Ito one, the key is checked, the attribute names
    /// cleaned. The edit itself checks the name and the colour.
    fn checked(&self, mut label: Label, replacing: Option<&str>) -> Result<Label, String> {
        if label.color.is_empty() {
            label.color = next_color(&self.project.labels).to_owned();
        }
        if crate::model::label::is_valid_color(&label.color) {
            label.color = label.color.to_ascii_uppercase();
        }
        label.key = check_key(
            &self.project.labels,
            &self.reserved_keys,
            label.key,
            replacing.unwrap_or(&label.name),
        )?;
        label.attributes = cleaned_attributes(&label.attributes)?;
        Ok(label)
    }

    /// Removes label `name`; its spans are relabelled to `relabel_to` first, in the
    /// same undo step (a span `relabel_to` already covers exactly is removed instead,
    /// as it would repeat that one).
    fn remove_label(&mut self, name: &str, relabel_to: Option<String>) -> Result<(), String> {
        if !self.project.labels.contains(name) {
            return Err(format!("there is no label {}", quoted(name)));
        }
        let count = self.label_use(name);
        let mut edits = Vec::new();
        let mut repeated = 0;
        if count > 0 {
            let Some(to) = relabel_to else {
                let s = if count == 1 { "" } else { "s" };
                return Err(format!(
                    "label {} is used by {count} span{s}: it goes only with another label for them",
                    quoted(name)
                ));
            };
            if to == name || !self.project.labels.contains(&to) {
                return Err(format!(
                    "cannot relabel the spans of {} to {}: no such other label",
                    quoted(name),
                    quoted(&to)
                ));
            }
            for doc in self.project.documents() {
                for span in doc.spans().iter().filter(|s| s.label == name) {
                    if doc.duplicate_of(&to, span.range, span.id).is_some() {
                        repeated += 1;
                        edits.push(Edit::RemoveSpan {
                            doc: doc.id,
                            span: span.id,
                        });
                    } else {
                        edits.push(Edit::Relabel {
                            doc: doc.id,
                            span: span.id,
                            label: to.clone(),
                        });
                    }
                }
            }
            let already = if repeated > 0 {
                format!(" ({repeated} already tagged {} there went)", quoted(&to))
            } else {
                String::new()
            };
            self.notice = Some(format!(
                "Removed label {}; its {count} spans are now {}{already}; Ctrl+Z undoes",
                quoted(name),
                quoted(&to)
            ));
        } else {
            self.notice = Some(format!("Removed label {}; Ctrl+Z undoes", quoted(name)));
        }
        edits.extend(self.types_without(name)?);
        edits.push(Edit::RemoveLabel {
            name: name.to_owned(),
        });
        self.edit(Edit::Batch(edits))
    }
}

impl Session {
    /// The edits that take label `name` out of the relation types' ends: a type left
    /// with no label at an end that had some goes (refused while relations have it).
    fn types_without(&self, name: &str) -> Result<Vec<Edit>, String> {
        let mut edits = Vec::new();
        for t in &self.project.relation_types {
            if !t.from.iter().chain(&t.to).any(|l| l == name) {
                continue;
            }
            let mut changed = t.clone();
            changed.from.retain(|l| l != name);
            changed.to.retain(|l| l != name);
            let emptied = (changed.from.is_empty() && !t.from.is_empty())
                || (changed.to.is_empty() && !t.to.is_empty());
            if !emptied {
                edits.push(Edit::UpdateRelationType {
                    name: t.name.clone(),
                    relation_type: changed,
                });
                continue;
            }
            let used = self.relation_type_use(&t.name);
            if used > 0 {
                return Err(format!(
                    "relation type {} links only {} spans at one end and {used} relations have it: remove those links or change the type first",
                    quoted(&t.name),
                    quoted(name)
                ));
            }
            edits.push(Edit::RemoveRelationType {
                name: t.name.clone(),
            });
        }
        Ok(edits)
    }
}

/// A label's key as the user gave it, checked: one letter a–z (kept lower-case), not
/// another label's (`except` is the label itself) and not a key of the command table
/// (`reserved`). `None` (no key) is always fine.
pub fn check_key(
    labels: &LabelSet,
    reserved: &[(char, String)],
    key: Option<char>,
    except: &str,
) -> Result<Option<char>, String> {
    let Some(key) = key else {
        return Ok(None);
    };
    if !key.is_ascii_alphabetic() {
        return Err(format!(
            "the key {} is not a letter a–z (1–9 already tag by position)",
            quoted(&key.to_string())
        ));
    }
    let key = key.to_ascii_lowercase();
    if let Some(other) = labels
        .iter()
        .find(|l| l.name != except && l.key.is_some_and(|k| k.eq_ignore_ascii_case(&key)))
    {
        return Err(format!(
            "the key {} already tags {}",
            key.to_ascii_uppercase(),
            quoted(&other.name)
        ));
    }
    if let Some((_, what)) = reserved.iter().find(|(k, _)| k.eq_ignore_ascii_case(&key)) {
        return Err(format!(
            "the key {} is taken by the command {}",
            key.to_ascii_uppercase(),
            quoted(what)
        ));
    }
    Ok(Some(key))
}

/// Attribute fields with their names trimmed, blank ones dropped, each name once (the
/// first wins); a name with a control character, or a choice without values, is
/// refused.
pub fn cleaned_attributes(fields: &[AttributeDef]) -> Result<Vec<AttributeDef>, String> {
    let mut out: Vec<AttributeDef> = Vec::new();
    for field in fields {
        let name = field.name.trim();
        if name.is_empty() {
            continue;
        }
        if name.chars().any(char::is_control) {
            return Err(format!("{} is not a usable attribute name", quoted(name)));
        }
        if let AttributeKind::Choice(values) = &field.kind
            && values.iter().all(|v| v.trim().is_empty())
        {
            return Err(format!("choice {} needs at least one value", quoted(name)));
        }
        if !out.iter().any(|f| f.name == name) {
            out.push(AttributeDef {
                name: name.to_owned(),
                kind: field.kind.clone(),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use crate::session::SessionCommand;

    fn session() -> Session {
        let project = fixture::project(
            "t",
            &[
                ("a.txt", "He said [quote:we [claim:will] win] today."),
                ("b.txt", "[claim:Prices rose.] [quote:[claim:Yes]]"),
            ],
        );
        let mut s = Session::new(project, None, true);
        s.set_reserved_keys(vec![('n', "Next suggestion".into())]);
        s
    }

    fn run(s: &mut Session, command: LabelCommand) -> Result<(), String> {
        s.apply(SessionCommand::Label(command))
    }

    fn names(s: &Session) -> Vec<String> {
        s.project().labels.iter().map(|l| l.name.clone()).collect()
    }

    #[test]
    fn keys_are_letters_of_their_own() {
        let labels = LabelSet::default();
        let reserved = [('n', "Next suggestion".to_owned())];
        assert_eq!(check_key(&labels, &reserved, Some('P'), "x"), Ok(Some('p')));
        assert_eq!(check_key(&labels, &reserved, None, "x"), Ok(None));
        assert_eq!(
            check_key(&labels, &reserved, Some('q'), "quote"),
            Ok(Some('q'))
        );
        let clash = check_key(&labels, &reserved, Some('Q'), "person").unwrap_err();
        assert_eq!(clash, "the key Q already tags \"quote\"");
        let command = check_key(&labels, &reserved, Some('n'), "person").unwrap_err();
        assert_eq!(
            command,
            "the key N is taken by the command \"Next suggestion\""
        );
        assert!(check_key(&labels, &reserved, Some('1'), "x").is_err());
        let attributes = [
            AttributeDef::text("  speaker "),
            AttributeDef::text(""),
            AttributeDef::choice("speaker", &["a"]),
        ];
        assert_eq!(
            cleaned_attributes(&attributes),
            Ok(vec![AttributeDef::text("speaker")])
        );
        assert!(cleaned_attributes(&[AttributeDef::text("a\nb")]).is_err());
        assert!(cleaned_attributes(&[AttributeDef::choice("kind", &[" "])]).is_err());
    }

    #[test]
    fn add_rename_move_each_one_undo_step() {
        let mut s = session();
        let person = Label::new("person", "", Some('p'), &["role"]);
        run(&mut s, LabelCommand::Add(person)).unwrap();
        assert_eq!(s.project().labels.get("person").unwrap().color, "#CC79A7");
        let taken = Label::new("place", "#000000", Some('P'), &[]);
        assert!(
            run(&mut s, LabelCommand::Add(taken))
                .unwrap_err()
                .contains("already tags")
        );
        let mut citation = s.project().labels.get("quote").unwrap().clone();
        citation.name = "citation".into();
        let rename = LabelCommand::Update {
            name: "quote".into(),
            label: citation,
        };
        run(&mut s, rename).unwrap();
        assert_eq!(s.label_use("citation"), 2);
        assert_eq!(s.label_use("quote"), 0);
        let to_front = LabelCommand::Move {
            name: "person".into(),
            to: 0,
        };
        run(&mut s, to_front).unwrap();
        assert_eq!(names(&s), ["person", "citation", "claim", "figure"]);
        s.apply(SessionCommand::Undo).unwrap();
        s.apply(SessionCommand::Undo).unwrap();
        assert_eq!(s.label_use("quote"), 2);
        s.apply(SessionCommand::Undo).unwrap();
        assert_eq!(names(&s), ["quote", "claim", "figure"]);
    }

    #[test]
    fn a_label_in_use_goes_only_with_its_spans_relabelled() {
        let mut s = session();
        let remove = |to: Option<&str>| LabelCommand::Remove {
            name: "claim".into(),
            relabel_to: to.map(str::to_owned),
        };
        let refused = run(&mut s, remove(None)).unwrap_err();
        assert!(refused.contains("used by 3 spans"), "{refused}");
        assert!(run(&mut s, remove(Some("nope"))).is_err());
        assert!(run(&mut s, remove(Some("claim"))).is_err());
        // "Yes" is both a quote and a claim: that claim goes rather than repeat it.
        run(&mut s, remove(Some("quote"))).unwrap();
        assert_eq!(names(&s), ["quote", "figure"]);
        assert_eq!(s.label_use("quote"), 4);
        assert!(s.take_notice().unwrap().contains("1 already tagged"));
        s.apply(SessionCommand::Undo).unwrap();
        assert_eq!(names(&s), ["quote", "claim", "figure"]);
        assert_eq!((s.label_use("claim"), s.label_use("quote")), (3, 2));
        let unused = LabelCommand::Remove {
            name: "figure".into(),
            relabel_to: None,
        };
        run(&mut s, unused).unwrap();
        assert_eq!(names(&s), ["quote", "claim"]);
    }
}
