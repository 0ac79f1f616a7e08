//! How values that come from a file appear in messages: on one line, quoted, control
//! characters escaped and long values shortened, so a label with a line break or a
//! 10 MB attribute never breaks the one-line error or floods the terminal.

/// The longest value shown in a message, in characters, before it is cut with `…`.
pub const MAX_SHOWN_CHARS: usize = 60;

/// `value` quoted for a message: `"like this"`, with `\n`, `\t`, `\"` and other control
/// characters escaped, cut after [`MAX_SHOWN_CHARS`] characters with `…` and the
/// length of the whole.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(MAX_SHOWN_CHARS * 2) + 2);
    out.push('"');
    for (shown, c) in value.chars().enumerate() {
        if shown == MAX_SHOWN_CHARS {
            out.push_str("…\"");
            out.push_str(&format!(" ({} characters)", value.chars().count()));
            return out;
        }
        out.extend(c.escape_debug());
    }
    out.push('"');
    out
}

/// A field name from a file in a message's "where": as it is when it is a plain name
/// (letters, digits, `_`, `-`, up to 40), else quoted and shortened.
pub fn field(name: &str) -> String {
    let plain = !name.is_empty()
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if plain { name.to_owned() } else { quoted(name) }
}

/// A message part from elsewhere (a parser's words, which may quote the file) on one
/// line and at most a few lines' worth long.
pub fn one_line(text: &str) -> String {
    const MAX: usize = 200;
    let mut out = String::with_capacity(text.len().min(MAX * 2));
    for (n, c) in text.chars().enumerate() {
        if n == MAX {
            out.push('…');
            break;
        }
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.extend(c.escape_debug()),
            c => out.push(c),
        }
    }
    out
}

/// The longest library message (a serde error, say) quoted in one of ours, in
/// characters; longer ones keep their start and end (where serde puts the position).
const MAX_MESSAGE_CHARS: usize = 200;

/// A message from a library (a parser's words) quoted in one of ours. Unlike
/// [`one_line`], it keeps the end, where serde puts the position.
///
/// A message from a library (serde_json's errors echo values from the file) made fit
/// for one of ours: control characters escaped, so it stays one line, and shortened
/// in the middle to [`MAX_MESSAGE_CHARS`], so a 10 MB value never floods the terminal.
pub fn library_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    let count = out.chars().count();
    if count <= MAX_MESSAGE_CHARS {
        return out;
    }
    let head: String = out.chars().take(MAX_MESSAGE_CHARS - 60).collect();
    let tail: String = out.chars().skip(count - 50).collect();
    format!("{head} … {tail}")
}

/// An I/O error as a person reads it: what went wrong, without Rust's names for it
/// ("entity not found").
pub fn io_error(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::NotFound => "no such file or folder".to_owned(),
        K::PermissionDenied => "permission denied".to_owned(),
        K::AlreadyExists => "it already exists".to_owned(),
        K::IsADirectory => "it is a folder".to_owned(),
        K::NotADirectory => "a part of the path is not a folder".to_owned(),
        K::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        K::StorageFull => "the disk is full".to_owned(),
        K::QuotaExceeded => "the disk quota is used up".to_owned(),
        K::FileTooLarge => "the file is too large for this file system".to_owned(),
        K::InvalidFilename => "the file name is not allowed here".to_owned(),
        K::Interrupted | K::TimedOut => "it was interrupted".to_owned(),
        _ => {
            // The OS text is the best there is; drop Rust's " (os error N)".
            let text = err.to_string();
            match text.rfind(" (os error") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
    }
}

/// A moment as `2026-11-29 10:02:03 UTC`.
pub fn utc(time: std::time::SystemTime) -> String {
    let (y, mo, d, h, mi, s) = civil(time);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} UTC")
}

/// A moment as spans record it: `2026-11-29T10:02:03Z` (UTC, ISO 8601).
pub fn utc_second(time: std::time::SystemTime) -> String {
    let (y, mo, d, h, mi, s) = civil(time);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// A moment for a file name: `2026-11-29-100203` (UTC).
pub fn utc_compact(time: std::time::SystemTime) -> String {
    let (y, mo, d, h, mi, s) = civil(time);
    format!("{y:04}-{mo:02}-{d:02}-{h:02}{mi:02}{s:02}")
}

/// Year, month, day, hour, minute, second (UTC) of `time` (Howard Hinnant's
/// days-to-civil); times before 1970 read as 1970.
fn civil(time: std::time::SystemTime) -> (i64, u32, u32, u32, u32, u32) {
    let secs = time
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (h, mi, s) = (rest / 3600, rest % 3600 / 60, rest % 60);
    (year, month, day, h as u32, mi as u32, s as u32)
}

/// Rows of cells as text: the first `left` columns aligned left, the others (numbers)
/// right, two blanks between columns, no trailing blanks.
pub fn table(rows: &[Vec<String>], left: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            if c < left {
                line += cell;
                line += &" ".repeat(pad + 2);
            } else {
                line += &" ".repeat(pad);
                line += cell;
                line += "  ";
            }
        }
        out += line.trim_end();
        out.push('\n');
    }
    out
}

/// A JSON value of a file for a message, shortened and quoted: a string as it is,
/// anything else as its JSON text.
pub fn json_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => quoted(s),
        other => quoted(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_one_line_and_short() {
        assert_eq!(quoted("quote"), "\"quote\"");
        assert_eq!(quoted("a\nb\t\"c\""), "\"a\\nb\\t\\\"c\\\"\"");
        let long = "x".repeat(10_000_000);
        let shown = quoted(&long);
        assert!(shown.chars().count() < 100, "{shown}");
        assert!(shown.ends_with("…\" (10000000 characters)"), "{shown}");
        assert!(!quoted("\u{0}\u{1b}[31m").contains('\u{1b}'));
    }

    #[test]
    fn times_are_utc() {
        let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_602_123);
        assert_eq!(utc(at), "2026-11-25 10:22:03 UTC");
        assert_eq!(utc_compact(at), "2026-11-25-102203");
        assert_eq!(utc(std::time::UNIX_EPOCH), "1970-01-01 00:00:00 UTC");
        let leap = std::time::UNIX_EPOCH + std::time::Duration::from_secs(951_782_400);
        assert_eq!(utc(leap), "2000-02-29 00:00:00 UTC");
    }

    #[test]
    fn io_errors_read_as_plain_words() {
        let err = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(io_error(&err), "no such file or folder");
        let err = std::io::Error::from_raw_os_error(28);
        assert_eq!(io_error(&err), "the disk is full");
    }

    #[test]
    fn library_messages_become_one_short_line() {
        assert_eq!(library_message("plain"), "plain");
        assert_eq!(library_message("a\nb\u{1b}"), "a\\nb\\u{1b}");
        let long = format!(
            "invalid type: string \"{}\", expected u32 at line 1 column 9",
            "x\n".repeat(5_000_000)
        );
        let shown = library_message(&long);
        assert!(shown.chars().count() <= 200, "{shown}");
        assert!(!shown.contains('\n'));
        assert!(shown.starts_with("invalid type: string"));
        assert!(shown.ends_with("at line 1 column 9"), "{shown}");
    }
}
