//! The payload of `ephemeral` messages: automerge-repo's `handle.broadcast(x)`
//! sends `x` CBOR-encoded (cbor-x). We read and write it as JSON values, which
//! is what presence needs (who is here, which meeting they look at).

use minicbor::{Decoder, Encoder, data::Type};
use serde_json::{Map, Number, Value};

/// Deepest nesting accepted (a hostile payload must not exhaust the stack).
const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unreadable ephemeral payload: {0}")]
pub struct PayloadError(String);

impl From<minicbor::decode::Error> for PayloadError {
    fn from(e: minicbor::decode::Error) -> Self {
        PayloadError(e.to_string())
    }
}

/// Encodes a JSON value as CBOR, as cbor-x would.
pub fn encode(value: &Value) -> Vec<u8> {
    let mut e = Encoder::new(Vec::new());
    write(&mut e, value).expect("encoding to memory");
    e.into_writer()
}

fn write(
    e: &mut Encoder<Vec<u8>>,
    v: &Value,
) -> Result<(), minicbor::encode::Error<core::convert::Infallible>> {
    match v {
        Value::Null => {
            e.null()?;
        }
        Value::Bool(b) => {
            e.bool(*b)?;
        }
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                e.u64(u)?;
            } else if let Some(i) = n.as_i64() {
                e.i64(i)?;
            } else {
                e.f64(n.as_f64().unwrap_or(0.0))?;
            }
        }
        Value::String(s) => {
            e.str(s)?;
        }
        Value::Array(items) => {
            e.array(items.len() as u64)?;
            for item in items {
                write(e, item)?;
            }
        }
        Value::Object(map) => {
            e.map(map.len() as u64)?;
            for (k, item) in map {
                e.str(k)?;
                write(e, item)?;
            }
        }
    }
    Ok(())
}

/// Decodes a CBOR payload into JSON. Byte strings become arrays of numbers,
/// `undefined` becomes null, tags are looked through, non-text map keys are
/// written as their JSON text.
pub fn decode(bytes: &[u8]) -> Result<Value, PayloadError> {
    let mut d = Decoder::new(bytes);
    let v = read(&mut d, 0)?;
    if d.position() != bytes.len() {
        return Err(PayloadError("bytes after the value".into()));
    }
    Ok(v)
}

fn read(d: &mut Decoder<'_>, depth: usize) -> Result<Value, PayloadError> {
    if depth > MAX_DEPTH {
        return Err(PayloadError("nested too deeply".into()));
    }
    Ok(match d.datatype()? {
        Type::Null | Type::Undefined => {
            d.skip()?;
            Value::Null
        }
        Type::Bool => Value::Bool(d.bool()?),
        Type::U8 | Type::U16 | Type::U32 | Type::U64 => Value::from(d.u64()?),
        Type::I8 | Type::I16 | Type::I32 | Type::I64 | Type::Int => {
            let i: i128 = d.int()?.into();
            match i64::try_from(i) {
                Ok(i) => Value::from(i),
                Err(_) => Number::from_f64(i as f64).map_or(Value::Null, Value::Number),
            }
        }
        Type::F16 | Type::F32 | Type::F64 => {
            Number::from_f64(d.f64()?).map_or(Value::Null, Value::Number)
        }
        Type::String => Value::String(d.str()?.to_owned()),
        Type::StringIndef => {
            let mut s = String::new();
            for part in d.str_iter()? {
                s.push_str(part?);
            }
            Value::String(s)
        }
        Type::Bytes => Value::Array(d.bytes()?.iter().map(|b| Value::from(*b)).collect()),
        Type::BytesIndef => {
            let mut out = Vec::new();
            for part in d.bytes_iter()? {
                out.extend(part?.iter().map(|b| Value::from(*b)));
            }
            Value::Array(out)
        }
        Type::Array | Type::ArrayIndef => {
            let mut out = Vec::new();
            match d.array()? {
                Some(n) => {
                    for _ in 0..n {
                        out.push(read(d, depth + 1)?);
                    }
                }
                None => {
                    while d.datatype()? != Type::Break {
                        out.push(read(d, depth + 1)?);
                    }
                    d.skip()?;
                }
            }
            Value::Array(out)
        }
        Type::Map | Type::MapIndef => {
            let mut out = Map::new();
            let mut entry = |d: &mut Decoder<'_>| -> Result<(), PayloadError> {
                let key = match read(d, depth + 1)? {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                let value = read(d, depth + 1)?;
                out.insert(key, value);
                Ok(())
            };
            match d.map()? {
                Some(n) => {
                    for _ in 0..n {
                        entry(d)?;
                    }
                }
                None => {
                    while d.datatype()? != Type::Break {
                        entry(d)?;
                    }
                    d.skip()?;
                }
            }
            Value::Object(out)
        }
        Type::Tag => {
            d.tag()?;
            read(d, depth + 1)?
        }
        other => return Err(PayloadError(format!("unsupported CBOR item {other}"))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_round_trips() {
        let v = json!({"person": "p1", "meeting": null, "cursor": [1, -2, 3.5], "typing": true});
        assert_eq!(decode(&encode(&v)).unwrap(), v);
    }

    #[test]
    fn rejects_deep_nesting_and_garbage() {
        let deep = vec![0x81; 1000]; // [[[[...
        assert!(decode(&deep).is_err());
        assert!(decode(&[0xff]).is_err());
        assert!(decode(&[0x01, 0x02]).is_err());
    }
}
