//! Reading article files (`.txt`, `.md`, any plain text) into exact text.
//!
//! UTF-8 is taken as is (a BOM removed), UTF-16 with a BOM is decoded, and anything
//! else is detected with chardetng and decoded with encoding_rs; the document records
//! which encoding it was. Line endings, tabs and blank runs are kept untouched, since
//! offsets refer to the stored text. Binary files, empty files and files over
//! [`MAX_ARTICLE_BYTES`] are refused.

use std::path::Path;
use thiserror::Error;

/// The largest article file spanmark reads: 64 MiB.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Error)]
pub enum ArticleError {
    #[error("cannot read article ({}): {path}", crate::shown::io_error(source))]
    Io {
        source: std::io::Error,
        path: String,
    },
    #[error("article is empty: {path}")]
    Empty { path: String },
    #[error("article is larger than the {} MiB limit ({size} bytes): {path}", MAX_ARTICLE_BYTES / 1024 / 1024)]
    TooLarge { size: u64, path: String },
    #[error("not a text file (it looks binary: {why}): {path}")]
    Binary { why: String, path: String },
    #[error("cannot decode article as {encoding} (malformed bytes): {path}")]
    Malformed { encoding: String, path: String },
}

/// An article's decoded text and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The file name, shown in the document list.
    pub name: String,
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE` or the name of the detected encoding.
    pub encoding: String,
    /// Where it comes from, when the file (a corpus row) or the user said.
    pub meta: crate::model::ArticleMeta,
}

/// Reads and decodes the article at `path`.
pub fn read_article(path: &Path) -> Result<Article, ArticleError> {
    let shown = path.display().to_string();
    let io = |source| ArticleError::Io {
        source,
        path: shown.clone(),
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if metadata.is_dir() {
        return Err(io(std::io::Error::other("it is a folder")));
    }
    if metadata.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge {
            size: metadata.len(),
            path: shown,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    let (text, encoding) = decode(&bytes).map_err(|err| err.at(&shown))?;
    Ok(Article {
        name,
        text,
        encoding,
        meta: Default::default(),
    })
}

/// An article's path as recorded in the project: relative to the project's folder when
/// inside it, else absolute.
pub fn source_path(project: Option<&Path>, article: &Path) -> String {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let article = absolute(article);
    let shown = project
        .and_then(|p| absolute(p).parent().map(Path::to_path_buf))
        .and_then(|folder| article.strip_prefix(folder).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| article.clone());
    shown.to_string_lossy().replace('\\', "/")
}

/// Why bytes could not be decoded; [`DecodeError::at`] adds the path.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary(String),
    Malformed(String),
}

impl DecodeError {
    fn at(self, path: &str) -> ArticleError {
        let path = path.to_owned();
        match self {
            DecodeError::Empty => ArticleError::Empty { path },
            DecodeError::Binary(why) => ArticleError::Binary { why, path },
            DecodeError::Malformed(encoding) => ArticleError::Malformed { encoding, path },
        }
    }
}

/// Decodes an article's bytes: the text exactly as written, and the encoding's name.
pub fn decode(bytes: &[u8]) -> Result<(String, String), DecodeError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or_else(|| DecodeError::Malformed(encoding.name().to_owned()))?;
        return finish(text.into_owned(), encoding.name());
    }
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((text, encoding)) = utf16_without_bom(bytes) {
        return finish(text, encoding);
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary(format!("a NUL byte at offset {at}")));
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 20 > bytes.len() {
        return Err(DecodeError::Binary(format!(
            "{controls} control bytes in {}",
            bytes.len()
        )));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_owned(), "UTF-8");
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| DecodeError::Malformed(encoding.name().to_owned()))?;
    finish(text.into_owned(), encoding.name())
}

/// Text in UTF-16 without a byte order mark (as some Windows tools write it): the
/// decoded text and `UTF-16LE` or `UTF-16BE`. Taken only when the bytes hold NULs
/// (UTF-8 text never does) and decode in one byte order into text without control
/// characters; where both orders do, the one with more letters of the alphabetic
/// scripts (below U+0800) wins, which settles it for any text with ASCII in it.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<(String, &'static str)> {
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) || !bytes.contains(&0) {
        return None;
    }
    let mut best: Option<(usize, String, &'static str)> = None;
    for encoding in [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE] {
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) else {
            continue;
        };
        let is_text = text
            .chars()
            .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\x0c'));
        if !is_text {
            continue;
        }
        let score = text.chars().filter(|&c| u32::from(c) < 0x0800).count();
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, text.into_owned(), encoding.name()));
        }
    }
    best.map(|(_, text, name)| (text, name))
}

fn finish(text: String, encoding: &str) -> Result<(String, String), DecodeError> {
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    if text.contains('\0') {
        return Err(DecodeError::Binary("a NUL character".to_owned()));
    }
    Ok((text, encoding.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_exactly_and_bom_removed() {
        let text = "“Yes,” she said.\r\n\r\n\tEnd 🇺🇦\n\n\n";
        assert_eq!(
            decode(text.as_bytes()),
            Ok((text.to_owned(), "UTF-8".into()))
        );
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&with_bom), Ok((text.to_owned(), "UTF-8".into())));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let text = "Київ 🚀\r\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode(&le), Ok((text.to_owned(), "UTF-16LE".into())));
        assert_eq!(decode(&be), Ok((text.to_owned(), "UTF-16BE".into())));
        // A lone surrogate is malformed, not silently replaced.
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]),
            Err(DecodeError::Malformed("UTF-16LE".into()))
        );
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let text = "Київ said “hello” 🚀\r\nAnd more.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le), Ok((text.to_owned(), "UTF-16LE".into())));
        assert_eq!(decode(&be), Ok((text.to_owned(), "UTF-16BE".into())));
        // Binary with NULs is still binary.
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            Err(DecodeError::Binary(_))
        ));
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let text = "Президент заявив, що мир має бути тривалим. Україна не погодиться на поступки.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        assert_eq!(decode(&bytes), Ok((text.to_owned(), "windows-1251".into())));
        let text = "Le président a déclaré « nous gagnerons » à la télévision française.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert_eq!(decode(&bytes), Ok((text.to_owned(), "windows-1252".into())));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(DecodeError::Empty));
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            decode(&[1, 2, 3, 4, 5, 6, 7, b'a']),
            Err(DecodeError::Binary(_))
        ));
    }
}
