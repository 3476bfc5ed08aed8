//! The three ways the Okta integration authenticates: an API token (`SSWS`), an OAuth2 service
//! app with `private_key_jwt`, and the Okta Integration Network app (client credentials with a
//! client secret). Both OAuth2 modes mint tokens at the org authorization server,
//! `{okta_domain}/oauth2/v1/token`, and send them as `Bearer`.

use super::jwt::{client_assertion, SigningKeyInfo};
use super::paging::{send, HttpFailure, Pacer};
use base64::Engine;
use std::time::{Duration, Instant};

/// A secret string whose `Debug` never shows it.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: String) -> Secret {
        Secret(s)
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

#[derive(Debug)]
pub enum Credentials {
    ApiKey(Secret),
    PrivateKeyJwt {
        client_id: String,
        token_url: String,
        scopes: Vec<String>,
        key: Box<SigningKeyInfo>,
    },
    ClientSecret {
        client_id: String,
        token_url: String,
        scopes: Vec<String>,
        secret: Secret,
    },
}

impl Credentials {
    pub fn describe(&self) -> String {
        match self {
            Credentials::ApiKey(_) => "API token".into(),
            Credentials::PrivateKeyJwt {
                client_id,
                token_url,
                ..
            } => format!("OAuth2 private_key_jwt (client {client_id}, {token_url})"),
            Credentials::ClientSecret {
                client_id,
                token_url,
                ..
            } => format!("OAuth2 client secret (client {client_id}, {token_url})"),
        }
    }
}

/// How long a client assertion is valid: Okta accepts at most an hour; a short life limits replay.
const ASSERTION_LIFETIME: u64 = 300;

pub struct Authenticator {
    creds: Credentials,
    token: Option<(Secret, Instant)>,
    pub token_requests: u64,
}

impl Authenticator {
    pub fn new(creds: Credentials) -> Authenticator {
        Authenticator {
            creds,
            token: None,
            token_requests: 0,
        }
    }

    pub fn uses_tokens(&self) -> bool {
        !matches!(self.creds, Credentials::ApiKey(_))
    }

    /// Forgets the cached token (after the API rejected it).
    pub fn invalidate(&mut self) {
        self.token = None;
    }

    /// The `Authorization` header value, minting or refreshing a token when needed.
    pub fn header(&mut self, agent: &ureq::Agent, pacer: &mut Pacer) -> Result<String, String> {
        if let Credentials::ApiKey(key) = &self.creds {
            return Ok(format!("SSWS {}", key.expose()));
        }
        if let Some((token, refresh_at)) = &self.token {
            if Instant::now() < *refresh_at {
                return Ok(format!("Bearer {}", token.expose()));
            }
        }
        let (token, lifetime) = self.request_token(agent, pacer)?;
        // Refresh a little before expiry so no request carries a token that lapses in flight.
        let margin = (lifetime / 4).min(Duration::from_secs(60));
        self.token = Some((token.clone(), Instant::now() + lifetime - margin));
        Ok(format!("Bearer {}", token.expose()))
    }

    fn request_token(
        &mut self,
        agent: &ureq::Agent,
        pacer: &mut Pacer,
    ) -> Result<(Secret, Duration), String> {
        self.token_requests += 1;
        let (token_url, scopes) = match &self.creds {
            Credentials::PrivateKeyJwt {
                token_url, scopes, ..
            }
            | Credentials::ClientSecret {
                token_url, scopes, ..
            } => (token_url.clone(), scopes.join(" ")),
            Credentials::ApiKey(_) => unreachable!("API tokens are not minted"),
        };
        let result = send(pacer, "token request", || {
            let req = agent.post(&token_url).set("Accept", "application/json");
            match &self.creds {
                Credentials::PrivateKeyJwt { client_id, key, .. } => {
                    let now = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .unwrap_or_default()
                        .as_secs();
                    // A fresh assertion per attempt: Okta rejects a reused `jti`.
                    let jwt = client_assertion(key, client_id, &token_url, now, ASSERTION_LIFETIME);
                    req.send_form(&[
                        ("grant_type", "client_credentials"),
                        ("scope", &scopes),
                        (
                            "client_assertion_type",
                            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        ),
                        ("client_assertion", &jwt),
                    ])
                }
                Credentials::ClientSecret {
                    client_id, secret, ..
                } => {
                    // client_secret_basic (RFC 6749 §2.3.1: both parts form-encoded first).
                    let basic = base64::engine::general_purpose::STANDARD.encode(format!(
                        "{}:{}",
                        form_encode(client_id),
                        form_encode(secret.expose())
                    ));
                    req.set("Authorization", &format!("Basic {basic}"))
                        .send_form(&[("grant_type", "client_credentials"), ("scope", &scopes)])
                }
                Credentials::ApiKey(_) => unreachable!(),
            }
        });
        let resp = result.map_err(|f| match f {
            HttpFailure::Status { code, summary } => {
                format!("okta: token request to {token_url} failed: HTTP {code}: {summary}")
            }
            HttpFailure::Transport(t) => format!("okta: token request to {token_url} failed: {t}"),
        })?;
        let body: serde_json::Value = serde_json::from_reader(resp.into_reader())
            .map_err(|e| format!("okta: token response from {token_url} is not JSON: {e}"))?;
        let token = body
            .get("access_token")
            .and_then(|t| t.as_str())
            .ok_or_else(|| format!("okta: token response from {token_url} has no access_token"))?;
        if let Some(t) = body.get("token_type").and_then(|t| t.as_str()) {
            if !t.eq_ignore_ascii_case("bearer") {
                return Err(format!(
                    "okta: token type {t:?} from {token_url} is not supported (need Bearer; DPoP-bound apps cannot be used)"
                ));
            }
        }
        let expires = body
            .get("expires_in")
            .and_then(|e| e.as_u64())
            .unwrap_or(3600);
        Ok((Secret::new(token.to_string()), Duration::from_secs(expires)))
    }
}

/// `application/x-www-form-urlencoded` encoding of one component.
fn form_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted() {
        let c = Credentials::ClientSecret {
            client_id: "id".into(),
            token_url: "u".into(),
            scopes: vec![],
            secret: Secret::new("hunter2".into()),
        };
        assert!(!format!("{c:?}").contains("hunter2"));
        assert!(
            !format!("{:?}", Credentials::ApiKey(Secret::new("hunter2".into())))
                .contains("hunter2")
        );
        assert_eq!(form_encode("a b/c+"), "a+b%2Fc%2B");
    }
}
