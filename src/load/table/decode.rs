//! A table file's bytes to text: decompressed when its name ends in `.gz`, `.zst` or `.xz`, and
//! checked for UTF-8 so that a bad byte costs its row, not the file.
//!
//! Owns decompression (streamed through the decoder, stopped at a size limit, so a small
//! compressed file cannot expand without bound) and the lossy decoding that keeps every valid
//! byte in place and says where each invalid sequence was. The decompressed text is what spans
//! point into: it is kept (once) in the file table, so a diagnostic shows the row as it reads
//! decompressed. It knows nothing of rows or columns.

use std::io::Read;
use std::sync::Arc;

/// How a file is compressed, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Not compressed.
    None,
    /// gzip (`.gz`), every member read.
    Gzip,
    /// Zstandard (`.zst`).
    Zstd,
    /// xz (`.xz`), every stream read.
    Xz,
}

impl Compression {
    /// What a file name's last extension says, and the name without it.
    #[must_use]
    pub fn of(name: &str) -> (Compression, &str) {
        let without = |extension: &str| {
            let at = name.len().checked_sub(extension.len())?;
            let (rest, end) = (name.get(..at)?, name.get(at..)?);
            end.eq_ignore_ascii_case(extension).then_some(rest)
        };
        if let Some(rest) = without(".gz") {
            (Compression::Gzip, rest)
        } else if let Some(rest) = without(".zst") {
            (Compression::Zstd, rest)
        } else if let Some(rest) = without(".xz") {
            (Compression::Xz, rest)
        } else {
            (Compression::None, name)
        }
    }
}

/// The decompressed bytes, at most `limit` of them.
///
/// # Errors
/// When the data is not in the format, or decompresses to more than `limit` bytes.
pub fn decompress(bytes: Vec<u8>, compression: Compression, limit: u64) -> Result<Vec<u8>, String> {
    let reader: Box<dyn Read + '_> = match compression {
        Compression::None => return Ok(bytes),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(bytes.as_slice())),
        Compression::Zstd => Box::new(
            zstd::stream::read::Decoder::with_buffer(bytes.as_slice())
                .map_err(|e| format!("cannot start decompressing: {e}"))?,
        ),
        Compression::Xz => Box::new(liblzma::read::XzDecoder::new_multi_decoder(
            bytes.as_slice(),
        )),
    };
    let mut out = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decompress it: {e}"))?;
    if out.len() as u64 > limit {
        return Err(format!(
            "it decompresses to more than the {limit}-byte limit on a file"
        ));
    }
    Ok(out)
}

/// Text with where its invalid UTF-8 was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, each invalid sequence replaced by U+FFFD; shared with the file table.
    pub text: Arc<str>,
    /// The byte offset in `text` of every replacement made, in order.
    pub invalid: Vec<usize>,
}

impl Decoded {
    /// The first replacement inside `range`, if any.
    #[must_use]
    pub fn invalid_in(&self, range: std::ops::Range<usize>) -> Option<usize> {
        let first = self.invalid.partition_point(|&at| at < range.start);
        self.invalid
            .get(first)
            .copied()
            .filter(|&at| at < range.end)
    }
}

/// The text of some bytes; valid UTF-8 is taken as it is (the one copy made is into the shared
/// text, and the bytes are dropped).
#[must_use]
pub fn decode(bytes: Vec<u8>) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Arc::from(text),
            invalid: Vec::new(),
        },
        Err(error) => {
            let bytes = error.into_bytes();
            let mut text = String::with_capacity(bytes.len() + 16);
            let mut invalid = Vec::new();
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    invalid.push(text.len());
                    text.push('\u{FFFD}');
                }
            }
            Decoded {
                text: Arc::from(text),
                invalid,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    #[test]
    fn invalid_bytes_are_located_in_the_text() {
        let decoded = decode(b"ok\nbad \xff here\nok \xe2\x82\n".to_vec());
        assert_eq!(decoded.invalid.len(), 2);
        assert_eq!(&decoded.text[decoded.invalid[0]..][..3], "\u{FFFD}");
        assert_eq!(decoded.invalid_in(0..3), None);
        assert_eq!(decoded.invalid_in(3..13), Some(7));
        assert!(decode(b"plain".to_vec()).invalid.is_empty());
    }

    #[test]
    fn xz_decompresses_every_stream_within_the_limit() {
        let text = b"aa\tAA-1007-TPA-MIA\t12/01/2011 01:55 PM\n".repeat(100);
        let xz = |part: &[u8]| {
            let mut encoder = liblzma::write::XzEncoder::new(Vec::new(), 6);
            encoder.write_all(part).unwrap();
            encoder.finish().unwrap()
        };
        let whole = xz(&text);
        assert_eq!(
            decompress(whole.clone(), Compression::Xz, 10_000).unwrap(),
            text
        );
        // Two streams one after the other (`cat a.xz b.xz`) read as one text.
        let (first, second) = text.split_at(1000);
        let joined = [xz(first), xz(second)].concat();
        assert_eq!(decompress(joined, Compression::Xz, 10_000).unwrap(), text);
        let over = decompress(whole.clone(), Compression::Xz, 100).unwrap_err();
        assert!(over.contains("more than the 100-byte limit"), "{over}");
        assert!(decompress(b"not xz".to_vec(), Compression::Xz, 100).is_err());
        let truncated = whole[..whole.len() / 2].to_vec();
        assert!(decompress(truncated, Compression::Xz, 10_000).is_err());
    }

    #[test]
    fn gzip_and_zstd_decompress_within_the_limit() {
        let text = b"source,subject\n".repeat(100);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&text).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(
            decompress(gz.clone(), Compression::Gzip, 10_000).unwrap(),
            text
        );
        let zst = zstd::encode_all(text.as_slice(), 3).unwrap();
        assert_eq!(
            decompress(zst.clone(), Compression::Zstd, 10_000).unwrap(),
            text
        );
        let over = decompress(zst, Compression::Zstd, 100).unwrap_err();
        assert!(over.contains("more than the 100-byte limit"), "{over}");
        assert!(decompress(gz, Compression::Gzip, 100).is_err());
        assert!(decompress(b"not gzip".to_vec(), Compression::Gzip, 100).is_err());
    }

    #[test]
    fn compression_is_read_from_the_name() {
        assert_eq!(Compression::of("a.csv.GZ"), (Compression::Gzip, "a.csv"));
        assert_eq!(
            Compression::of("a.jsonl.zst"),
            (Compression::Zstd, "a.jsonl")
        );
        assert_eq!(Compression::of("a.tsv"), (Compression::None, "a.tsv"));
        assert_eq!(Compression::of("a.txt.Xz"), (Compression::Xz, "a.txt"));
    }
}
