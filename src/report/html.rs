//! Writing HTML safely: text and attribute values escaped, links made only from web
//! addresses (`http:` and `https:`; a `javascript:` or `file:` value stays text), and
//! addresses shortened for reading. Every string that comes from a project reaches
//! the page through here.

/// `text` with `&`, `<`, `>`, `"` and `'` escaped: safe between tags and inside a
/// quoted attribute value.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `url` trimmed, when it is a web address a link may point to.
pub(crate) fn web_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (web && clean && url.len() > "http://".len()).then_some(url)
}

/// An address for reading: without `https://`, `www.` and a final `/`, and cut to
/// `max_chars` with `…`.
pub(crate) fn short_url(url: &str, max_chars: usize) -> String {
    let mut shown = url.trim();
    for prefix in ["https://", "http://", "HTTPS://", "HTTP://"] {
        if let Some(rest) = shown.strip_prefix(prefix) {
            shown = rest;
            break;
        }
    }
    let shown = shown.strip_prefix("www.").unwrap_or(shown);
    let shown = shown.strip_suffix('/').unwrap_or(shown);
    cut(shown, max_chars)
}

/// `text` cut to `max_chars` characters, the last being `…` when it was longer.
pub(crate) fn cut(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A link to `url` reading `text` (the short address when `text` is empty), or just
/// the text when `url` is not a web address.
pub(crate) fn link_or_text(url: &str, text: &str) -> String {
    match web_url(url) {
        Some(url) => {
            let shown = if text.trim().is_empty() {
                short_url(url, 60)
            } else {
                text.to_owned()
            };
            format!(
                "<a href=\"{}\" title=\"{}\">{}</a>",
                escape(url),
                escape(url),
                escape(&shown)
            )
        }
        None if text.trim().is_empty() => escape(url),
        None => escape(text),
    }
}

/// ` lang="uk"` for a well-formed language tag, else nothing: marks text in the
/// article's language for screen readers, hyphenation and fonts.
pub(crate) fn lang_attribute(language: Option<&str>) -> String {
    match language {
        Some(tag) if crate::model::meta::is_language_tag(tag) => {
            format!(" lang=\"{}\"", escape(tag))
        }
        _ => String::new(),
    }
}
