//! Every form admins paste the principal name in.

use msstd_check::principal::{parse, Defect, Form, PrincipalValue};

fn msstd(name: &str) -> PrincipalValue {
    PrincipalValue::Msstd { name: name.to_owned() }
}

#[test]
fn bare_value() {
    let p = parse("msstd:mail.contoso.com").unwrap();
    assert_eq!(p.form, Form::Value);
    assert_eq!(p.value, msstd("mail.contoso.com"));
    assert!(p.defects.is_empty());
    assert_eq!(p.corrected, None);
}

#[test]
fn blank_is_nothing() {
    assert_eq!(parse("   \n"), None);
}

#[test]
fn set_outlook_provider_in_every_quoting() {
    for line in [
        "Set-OutlookProvider EXPR -CertPrincipalName \"msstd:mail.contoso.com\"",
        "Set-OutlookProvider EXPR -CertPrincipalName:\"msstd:mail.contoso.com\"",
        "Set-OutlookProvider EXPR -CertPrincipalName 'msstd:mail.contoso.com'",
        "Set-OutlookProvider EXPR -CertPrincipalName msstd:mail.contoso.com",
        "Set-OutlookProvider EXPR -CertPrincipalName \u{201c}msstd:mail.contoso.com\u{201d}",
        "set-outlookprovider -Identity EXPR -certprincipalname:msstd:mail.contoso.com",
        "[PS] C:\\Windows\\system32>Set-OutlookProvider EXPR -CertPrincipalName \"msstd:mail.contoso.com\"",
    ] {
        let p = parse(line).unwrap();
        assert_eq!(p.form, Form::SetOutlookProvider, "{line}");
        assert_eq!(p.provider.as_deref(), Some("EXPR"), "{line}");
        assert_eq!(p.value, msstd("mail.contoso.com"), "{line}");
        assert!(p.defects.is_empty(), "{line}: {:?}", p.defects);
    }
}

#[test]
fn set_outlook_provider_null_means_not_set() {
    let p = parse("Set-OutlookProvider EXCH -CertPrincipalName $null").unwrap();
    assert_eq!(p.value, PrincipalValue::NotSet);
    assert_eq!(p.provider.as_deref(), Some("EXCH"));
}

#[test]
fn set_outlook_provider_keeps_defects_inside_the_quotes() {
    let p = parse("Set-OutlookProvider EXPR -CertPrincipalName \"msstd: mail.contoso.com\"").unwrap();
    assert_eq!(p.defects, vec![Defect::SpaceAfterPrefix]);
    assert_eq!(p.corrected.as_deref(), Some("msstd:mail.contoso.com"));
}

#[test]
fn get_outlook_provider_output_prefers_expr() {
    let output = "\r\n\
        CertPrincipalName : msstd:internal.contoso.com\r\n\
        Server            :\r\n\
        Name              : EXCH\r\n\
        Identity          : EXCH\r\n\
        \r\n\
        CertPrincipalName : msstd:mail.contoso.com\r\n\
        Server            :\r\n\
        Name              : EXPR\r\n\
        Identity          : EXPR\r\n\
        \r\n\
        CertPrincipalName :\r\n\
        Server            :\r\n\
        Name              : WEB\r\n";
    let p = parse(output).unwrap();
    assert_eq!(p.form, Form::GetOutlookProvider);
    assert_eq!(p.provider.as_deref(), Some("EXPR"));
    assert_eq!(p.value, msstd("mail.contoso.com"));
}

#[test]
fn get_outlook_provider_empty_value_is_not_set() {
    let p = parse("Name : EXPR\nServer : mail.contoso.com\nCertPrincipalName :\n").unwrap();
    assert_eq!(p.value, PrincipalValue::NotSet);
    assert_eq!(p.server.as_deref(), Some("mail.contoso.com"));
    assert_eq!(p.name(), Some("mail.contoso.com"));
}

const AUTODISCOVER: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <Account>
      <AccountType>email</AccountType>
      <Protocol>
        <Type>EXCH</Type>
        <Server>0c8ed1b1-2f3a-4c0e-9a43-3d44c8e2d7a1@contoso.com</Server>
      </Protocol>
      <Protocol>
        <Type>EXPR</Type>
        <Server>mail.contoso.com</Server>
        <SSL>On</SSL>
        <AuthPackage>Ntlm</AuthPackage>
        <CertPrincipalName>msstd:mail.contoso.com</CertPrincipalName>
      </Protocol>
      <Protocol Type="EXHTTP">
        <Server>mail.contoso.com</Server>
      </Protocol>
    </Account>
  </Response>
</Autodiscover>"#;

#[test]
fn autodiscover_response_expr_section() {
    let p = parse(AUTODISCOVER).unwrap();
    assert_eq!(p.form, Form::AutodiscoverXml);
    assert_eq!(p.provider.as_deref(), Some("EXPR"));
    assert_eq!(p.value, msstd("mail.contoso.com"));
    assert_eq!(p.server.as_deref(), Some("mail.contoso.com"));
}

#[test]
fn autodiscover_without_cert_principal_name_uses_the_server() {
    let xml = AUTODISCOVER.replace("<CertPrincipalName>msstd:mail.contoso.com</CertPrincipalName>", "");
    let p = parse(&xml).unwrap();
    assert_eq!(p.value, PrincipalValue::NotSet);
    assert_eq!(p.provider.as_deref(), Some("EXPR"));
    assert_eq!(p.name(), Some("mail.contoso.com"));
}

#[test]
fn autodiscover_exhttp_attribute_form() {
    let xml = r#"<Protocol Type="EXHTTP" Version="1"><Server>mail.contoso.com</Server><CertPrincipalName>msstd:mail.contoso.com</CertPrincipalName></Protocol>"#;
    let p = parse(xml).unwrap();
    assert_eq!(p.provider.as_deref(), Some("EXHTTP"));
    assert_eq!(p.value, msstd("mail.contoso.com"));
}

#[test]
fn prf_line() {
    let prf = "[Exchange Proxy]\r\nRPCProxyServer=mail.contoso.com\r\nRPCProxyPrincipalName=msstd:mail.contoso.com\r\nRPCProxyAuthScheme=Basic\r\n";
    let p = parse(prf).unwrap();
    assert_eq!(p.form, Form::Prf);
    assert_eq!(p.value, msstd("mail.contoso.com"));
}

#[test]
fn rpcping_command() {
    let p = parse("rpcping -t ncacn_http -s exch01 -o RpcProxy=mail.contoso.com -P \"user,contoso,*\" -I \"user,contoso,*\" -H 1 -u 10 -a connect -F 3 -v 3 -E -R none /B msstd:mail.contoso.com").unwrap();
    assert_eq!(p.form, Form::Rpcping);
    assert_eq!(p.value, msstd("mail.contoso.com"));
}

#[test]
fn kb_2710606_formatting_artefact() {
    let p = parse("msstd: mail.contoso.com").unwrap();
    assert_eq!(p.defects, vec![Defect::SpaceAfterPrefix]);
    assert_eq!(p.corrected.as_deref(), Some("msstd:mail.contoso.com"));
}

#[test]
fn every_defect_with_its_correction() {
    for (typed, defects, corrected) in [
        (
            "mail.contoso.com",
            vec![Defect::MissingPrefix],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "MSSTD:mail.contoso.com",
            vec![Defect::UppercasePrefix],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "Msstd: mail.contoso.com.",
            vec![Defect::UppercasePrefix, Defect::SpaceAfterPrefix, Defect::TrailingDot],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "\"msstd:mail.contoso.com\"",
            vec![Defect::Quotes { typographic: false }],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "\u{2018}msstd:mail.contoso.com\u{2019}",
            vec![Defect::Quotes { typographic: true }],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "msstd mail.contoso.com",
            vec![Defect::MissingPrefix],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "msstd:mail. contoso.com",
            vec![Defect::InvalidCharacters { characters: " ".into() }],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "msstd:mail,contoso.com",
            vec![Defect::InvalidCharacters { characters: ",".into() }],
            None,
        ),
        (
            "\tmsstd:mail.contoso.com",
            vec![Defect::WhitespaceAround],
            Some("msstd:mail.contoso.com"),
        ),
    ] {
        let p = parse(typed).unwrap();
        assert_eq!(p.defects, defects, "{typed}");
        assert_eq!(p.corrected.as_deref(), corrected, "{typed}");
    }
}

#[test]
fn special_values() {
    assert_eq!(parse("none").unwrap().value, PrincipalValue::Disabled);
    assert_eq!(parse("None").unwrap().value, PrincipalValue::Disabled);
    assert_eq!(
        parse("fullsic:CN=mail.contoso.com, O=Contoso").unwrap().value,
        PrincipalValue::Fullsic {
            subject: "CN=mail.contoso.com, O=Contoso".into()
        }
    );
    let empty = parse("msstd:").unwrap();
    assert_eq!(empty.value, PrincipalValue::Unusable);
    assert_eq!(empty.defects, vec![Defect::Empty]);
}

#[test]
fn email_principal_is_accepted() {
    assert_eq!(
        parse("msstd:admin@contoso.com").unwrap().value,
        msstd("admin@contoso.com")
    );
}
