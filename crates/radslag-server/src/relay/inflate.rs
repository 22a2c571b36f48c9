//! The inflated size of the Automerge chunks in a sync message, measured
//! before anything applies them: a small compressed change can inflate
//! to gigabytes (a "change bomb"), so inflation stops one byte past the
//! budget.
//!
//! Automerge's binary format: each chunk is `magic (4) | checksum (4) |
//! type (1) | uleb128 length | data`. Type 1 (a change) is stored as is;
//! type 2 is a change deflated as a whole; type 0 (a document) may deflate
//! each of its columns (bit 3 of a column's spec). Bundles (type 3) are
//! not accepted from clients.

use std::io::Read;

const MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
const DEFLATE_BIT: u64 = 0b1000;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Refused {
    #[error("a change inflates past the limit")]
    TooLarge,
    #[error("a change chunk is malformed: {0}")]
    Malformed(&'static str),
}

/// The bytes `blob` (one or more chunks) holds once inflated, or `TooLarge`
/// when that passes `budget`.
pub fn inflated_size(blob: &[u8], budget: u64) -> Result<u64, Refused> {
    let mut at = 0;
    let mut total = 0u64;
    while at < blob.len() {
        let (size, next) = chunk(blob, at, budget.saturating_sub(total))?;
        total += size;
        at = next;
        if total > budget {
            return Err(Refused::TooLarge);
        }
    }
    Ok(total)
}

fn uleb(data: &[u8], at: &mut usize) -> Result<u64, Refused> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *data.get(*at).ok_or(Refused::Malformed("truncated"))?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(Refused::Malformed("overlong number"))
}

/// Inflates `data` (raw DEFLATE, as Automerge writes it), up to `budget` bytes.
fn inflate(data: &[u8], budget: u64) -> Result<u64, Refused> {
    let decoder = flate2::read::DeflateDecoder::new(data);
    let mut limited = decoder.take(budget.saturating_add(1));
    let n = std::io::copy(&mut limited, &mut std::io::sink())
        .map_err(|_| Refused::Malformed("bad compressed data"))?;
    if n > budget {
        return Err(Refused::TooLarge);
    }
    Ok(n)
}

/// One chunk at `at`: its inflated size and where the next one starts.
fn chunk(blob: &[u8], at: usize, budget: u64) -> Result<(u64, usize), Refused> {
    if blob.get(at..at + 4) != Some(&MAGIC[..]) {
        return Err(Refused::Malformed("not an Automerge chunk"));
    }
    let mut i = at + 8;
    let kind = *blob.get(i).ok_or(Refused::Malformed("truncated"))?;
    i += 1;
    let len = usize::try_from(uleb(blob, &mut i)?).map_err(|_| Refused::Malformed("too long"))?;
    let end = i.checked_add(len).ok_or(Refused::Malformed("too long"))?;
    let data = blob.get(i..end).ok_or(Refused::Malformed("truncated"))?;
    let size = match kind {
        1 => len as u64,
        2 => inflate(data, budget)?,
        0 => document_size(data, budget)?,
        3 => return Err(Refused::Malformed("bundles are not accepted")),
        _ => return Err(Refused::Malformed("unknown chunk type")),
    };
    Ok((size, end))
}

/// A document chunk's size with each deflated column inflated.
fn document_size(data: &[u8], budget: u64) -> Result<u64, Refused> {
    let mut at = 0;
    let actors = uleb(data, &mut at)?;
    for _ in 0..actors {
        let n =
            usize::try_from(uleb(data, &mut at)?).map_err(|_| Refused::Malformed("too long"))?;
        at = at.checked_add(n).ok_or(Refused::Malformed("too long"))?;
    }
    let heads = uleb(data, &mut at)?;
    at = heads
        .checked_mul(32)
        .and_then(|n| usize::try_from(n).ok())
        .and_then(|n| at.checked_add(n))
        .ok_or(Refused::Malformed("too long"))?;
    let mut columns = Vec::new();
    for _ in 0..2 {
        let count = uleb(data, &mut at)?;
        for _ in 0..count {
            let spec = uleb(data, &mut at)?;
            let len = uleb(data, &mut at)?;
            columns.push((spec, len));
        }
    }
    let mut size = data.len() as u64;
    for (spec, len) in columns {
        let len = usize::try_from(len).map_err(|_| Refused::Malformed("too long"))?;
        let end = at.checked_add(len).ok_or(Refused::Malformed("too long"))?;
        let column = data.get(at..end).ok_or(Refused::Malformed("truncated"))?;
        if spec & DEFLATE_BIT != 0 {
            let inflated = inflate(column, budget.saturating_sub(size))?;
            size = size - len as u64 + inflated;
            if size > budget {
                return Err(Refused::TooLarge);
            }
        }
        at = end;
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::{AutoCommit, ROOT, transaction::Transactable as _};

    #[test]
    fn measures_changes_and_documents_as_automerge_writes_them() {
        let mut doc = AutoCommit::new();
        // Large enough that Automerge deflates the change and the columns.
        doc.put(ROOT, "text", "ab".repeat(100_000)).unwrap();
        doc.commit();
        let mut change = doc.get_last_local_change().unwrap().clone();
        let raw = change.bytes().to_vec();
        assert_eq!(raw[8], 2, "a large change is written compressed");
        let size = inflated_size(&raw, u64::MAX).unwrap();
        assert!(size > 200_000, "{size}");
        assert_eq!(inflated_size(&raw, 100_000), Err(Refused::TooLarge));

        let saved = doc.save();
        let size = inflated_size(&saved, u64::MAX).unwrap();
        assert!(
            size > 200_000 && saved.len() < 50_000,
            "{size} from {}",
            saved.len()
        );
        assert_eq!(inflated_size(&saved, 100_000), Err(Refused::TooLarge));

        let small = doc.save_nocompress();
        let size = inflated_size(&small, u64::MAX).unwrap();
        assert!(size > 200_000 && size <= small.len() as u64, "{size}");
        assert!(inflated_size(b"nope", 10).is_err());
    }
}
