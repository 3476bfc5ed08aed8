//! RS256 client assertions (RFC 7523 `private_key_jwt`) and the RSA key formats Okta hands out:
//! a JWK (as Okta's admin console generates it) or a PEM (PKCS#8 or PKCS#1).

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer, Verifier};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BigUint, RsaPrivateKey, RsaPublicKey};
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicU64, Ordering};

/// A private key plus the `kid` to put in the JWT header (Okta picks the registered key by it).
pub struct SigningKeyInfo {
    pub key: RsaPrivateKey,
    pub kid: Option<String>,
}

impl std::fmt::Debug for SigningKeyInfo {
    // Never print key material.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "SigningKeyInfo {{ kid: {:?}, key: <redacted> }}",
            self.kid
        )
    }
}

fn b64_uint(
    obj: &serde_json::Map<String, serde_json::Value>,
    name: &str,
) -> Result<BigUint, String> {
    let text = obj
        .get(name)
        .and_then(|v| v.as_str())
        .ok_or_else(|| format!("JWK has no \"{name}\" member"))?;
    let bytes = B64URL
        .decode(text.trim_end_matches('='))
        .map_err(|_| format!("JWK member \"{name}\" is not base64url"))?;
    Ok(BigUint::from_bytes_be(&bytes))
}

/// Parses an RSA private JWK, or a JWK set whose first RSA key with a private part is used.
/// Error messages never quote the key.
pub fn parse_jwk(text: &str) -> Result<SigningKeyInfo, String> {
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("the JWK is not valid JSON ({e})"))?;
    let obj = match json.get("keys").and_then(|k| k.as_array()) {
        Some(keys) => keys
            .iter()
            .filter_map(|k| k.as_object())
            .find(|k| k.contains_key("d"))
            .ok_or("the JWK set holds no private key")?,
        None => json.as_object().ok_or("the JWK is not a JSON object")?,
    };
    match obj.get("kty").and_then(|v| v.as_str()) {
        Some("RSA") => {}
        Some(other) => {
            return Err(format!(
                "JWK key type {other:?} is not supported (need RSA)"
            ))
        }
        None => return Err("JWK has no \"kty\" member".into()),
    }
    if !obj.contains_key("d") {
        return Err("the JWK is a public key; the private key (with \"d\") is needed".into());
    }
    let n = b64_uint(obj, "n")?;
    let e = b64_uint(obj, "e")?;
    let d = b64_uint(obj, "d")?;
    let primes = match (b64_uint(obj, "p"), b64_uint(obj, "q")) {
        (Ok(p), Ok(q)) => vec![p, q],
        _ => Vec::new(),
    };
    // With no primes, `from_components` recovers p and q (and validates the key).
    let key = RsaPrivateKey::from_components(n, e, d, primes)
        .map_err(|e| format!("invalid RSA JWK: {e}"))?;
    Ok(SigningKeyInfo {
        key,
        kid: obj.get("kid").and_then(|v| v.as_str()).map(String::from),
    })
}

/// Parses a PEM private key: `BEGIN PRIVATE KEY` (PKCS#8) or `BEGIN RSA PRIVATE KEY` (PKCS#1).
pub fn parse_pem(text: &str) -> Result<SigningKeyInfo, String> {
    let text = text.trim();
    let key = if text.contains("BEGIN RSA PRIVATE KEY") {
        RsaPrivateKey::from_pkcs1_pem(text).map_err(|e| format!("invalid PKCS#1 PEM key: {e}"))?
    } else if text.contains("BEGIN PRIVATE KEY") {
        RsaPrivateKey::from_pkcs8_pem(text).map_err(|e| format!("invalid PKCS#8 PEM key: {e}"))?
    } else {
        return Err("the PEM holds no \"PRIVATE KEY\" or \"RSA PRIVATE KEY\" block".into());
    };
    Ok(SigningKeyInfo { key, kid: None })
}

/// The public half as a JWK (what an admin registers with the Okta app).
pub fn public_jwk(key: &RsaPublicKey, kid: Option<&str>) -> serde_json::Value {
    let mut jwk = serde_json::json!({
        "kty": "RSA",
        "e": B64URL.encode(key.e().to_bytes_be()),
        "n": B64URL.encode(key.n().to_bytes_be()),
    });
    if let Some(kid) = kid {
        jwk["kid"] = kid.into();
    }
    jwk
}

/// The full private JWK of `key` (tests and `--help` examples produce keys this way).
pub fn private_jwk(key: &RsaPrivateKey, kid: Option<&str>) -> serde_json::Value {
    let mut jwk = public_jwk(&key.to_public_key(), kid);
    let enc = |b: &BigUint| B64URL.encode(b.to_bytes_be());
    jwk["d"] = enc(key.d()).into();
    let primes = key.primes();
    if primes.len() >= 2 {
        jwk["p"] = enc(&primes[0]).into();
        jwk["q"] = enc(&primes[1]).into();
    }
    jwk
}

static JTI_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A unique JWT id. Okta rejects a replayed `jti`, so it mixes time, process and a counter;
/// it need not be unpredictable because the assertion is signed.
fn new_jti() -> String {
    let mut h = Sha256::new();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    h.update(now.as_nanos().to_le_bytes());
    h.update(std::process::id().to_le_bytes());
    h.update(JTI_COUNTER.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    let digest = h.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Signs a client assertion: iss = sub = client id, aud = token URL, `lifetime` seconds valid.
pub fn client_assertion(
    key: &SigningKeyInfo,
    client_id: &str,
    token_url: &str,
    now: u64,
    lifetime: u64,
) -> String {
    let mut header = serde_json::json!({"alg": "RS256", "typ": "JWT"});
    if let Some(kid) = &key.kid {
        header["kid"] = kid.clone().into();
    }
    let claims = serde_json::json!({
        "iss": client_id,
        "sub": client_id,
        "aud": token_url,
        "iat": now,
        "exp": now + lifetime,
        "jti": new_jti(),
    });
    let signing_input = format!(
        "{}.{}",
        B64URL.encode(header.to_string()),
        B64URL.encode(claims.to_string())
    );
    let signer = SigningKey::<Sha256>::new(key.key.clone());
    let signature = signer.sign(signing_input.as_bytes());
    format!("{signing_input}.{}", B64URL.encode(signature.to_bytes()))
}

/// Verifies an RS256 JWT and returns its (header, claims). Used by the test server, and handy
/// for checking a key pair.
pub fn verify_rs256(
    jwt: &str,
    public: &RsaPublicKey,
) -> Result<(serde_json::Value, serde_json::Value), String> {
    let mut parts = jwt.split('.');
    let (Some(h), Some(c), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("not a compact JWS".into());
    };
    let decode = |p: &str| B64URL.decode(p).map_err(|_| "bad base64url".to_string());
    let header: serde_json::Value =
        serde_json::from_slice(&decode(h)?).map_err(|_| "bad header JSON".to_string())?;
    if header.get("alg").and_then(|a| a.as_str()) != Some("RS256") {
        return Err("alg is not RS256".into());
    }
    let claims: serde_json::Value =
        serde_json::from_slice(&decode(c)?).map_err(|_| "bad claims JSON".to_string())?;
    let sig =
        Signature::try_from(decode(s)?.as_slice()).map_err(|_| "bad signature".to_string())?;
    VerifyingKey::<Sha256>::new(public.clone())
        .verify(format!("{h}.{c}").as_bytes(), &sig)
        .map_err(|_| "signature does not verify".to_string())?;
    Ok((header, claims))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jwk_round_trip_and_sign() {
        let pem = include_str!("../../tests/fixtures/collect/test-key.pem");
        let k = parse_pem(pem).unwrap();
        let jwk = private_jwk(&k.key, Some("k1"));
        let k2 = parse_jwk(&jwk.to_string()).unwrap();
        assert_eq!(k2.kid.as_deref(), Some("k1"));
        let jwt = client_assertion(&k2, "cid", "https://x/oauth2/v1/token", 1000, 300);
        let (h, c) = verify_rs256(&jwt, &k.key.to_public_key()).unwrap();
        assert_eq!(h["kid"], "k1");
        assert_eq!(c["iss"], "cid");
        assert_eq!(c["sub"], "cid");
        assert_eq!(c["aud"], "https://x/oauth2/v1/token");
        assert_eq!(c["exp"], 1300);
        // Without p and q the primes are recovered.
        let mut bare = jwk.clone();
        bare.as_object_mut().unwrap().remove("p");
        bare.as_object_mut().unwrap().remove("q");
        assert!(parse_jwk(&bare.to_string()).is_ok());
        let set = serde_json::json!({"keys": [public_jwk(&k.key.to_public_key(), None), jwk]});
        assert_eq!(
            parse_jwk(&set.to_string()).unwrap().kid.as_deref(),
            Some("k1")
        );
        let mut tampered = jwt.clone();
        tampered.insert(jwt.find('.').unwrap() + 2, 'A');
        assert!(verify_rs256(&tampered, &k.key.to_public_key()).is_err());
    }

    #[test]
    fn errors_do_not_quote_keys() {
        let e = parse_jwk(r#"{"kty":"RSA","n":"!!secret!!","e":"AQAB","d":"x"}"#).unwrap_err();
        assert!(!e.contains("secret"), "{e}");
        assert!(parse_jwk(r#"{"kty":"EC"}"#).is_err());
        assert!(parse_pem("garbage").is_err());
    }
}
