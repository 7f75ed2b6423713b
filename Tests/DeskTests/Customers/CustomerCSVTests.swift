import Desk
import Testing

@Suite struct CustomerCSVTests {
    @Test func parsesRowsWithSeveralContacts() throws {
        let csv = """
            name,company,plan,emails,phones,owner,language,notes,external_id
            Pat Doe,Kettle,pro,"Pat@Kettle.example; pat.doe@gmail.example","+971 50 123 4567;00971 4 123 4567",founder,en,"VIP, renews in March",crm-1
            Siti,Warung,free,siti@warung.example,,aisha,id,,
            """
        let parsed = try CustomerCSV.parse(csv)
        #expect(parsed.problems.isEmpty)
        #expect(parsed.rows.count == 2)
        let pat = parsed.rows[0]
        #expect(pat.line == 2)
        #expect(pat.name == "Pat Doe")
        #expect(pat.company == "Kettle")
        #expect(pat.plan == "pro")
        #expect(pat.emails == ["pat@kettle.example", "pat.doe@gmail.example"])
        #expect(pat.phones == ["+971501234567", "+97141234567"])
        #expect(pat.owner == "founder")
        #expect(pat.language == "en")
        #expect(pat.notes == "VIP, renews in March")
        #expect(pat.externalID == "crm-1")
        let siti = parsed.rows[1]
        #expect(siti.phones.isEmpty)
        #expect(siti.notes == nil)
        #expect(siti.externalID == nil)
    }

    @Test func headerIsCaseInsensitiveInAnyOrderAndExternalIDIsOptional() throws {
        let csv = "\u{FEFF}Emails,Name,Phones,Company,Plan,Owner,Language,Notes\r\nx@y.example,X,,,,,,\r\n"
        let parsed = try CustomerCSV.parse(csv)
        #expect(parsed.rows.map(\.name) == ["X"])
        #expect(parsed.rows.first?.emails == ["x@y.example"])
    }

    @Test func quotedFieldsKeepNewlinesAndQuotes() throws {
        let csv = "name,company,plan,emails,phones,owner,language,notes\n\"Ali \"\"the\"\" Smith\",,,ali@x.example,,,,\"line one\nline two\"\nBo,,,bo@x.example,,,,\n"
        let parsed = try CustomerCSV.parse(csv)
        #expect(parsed.rows.count == 2)
        #expect(parsed.rows[0].name == "Ali \"the\" Smith")
        #expect(parsed.rows[0].notes == "line one\nline two")
        #expect(parsed.rows[1].line == 4)
    }

    @Test func badCellsAreReportedAndSkipped() throws {
        let csv = """
            name,company,plan,emails,phones,owner,language,notes
            Pat,,,not-an-email;pat@k.example,050 123 4567,,,
            ,,,,,,,
            Nobody,,,,,,,
            """
        let parsed = try CustomerCSV.parse(csv)
        #expect(parsed.rows.count == 1)
        #expect(parsed.rows[0].emails == ["pat@k.example"])
        #expect(parsed.rows[0].phones.isEmpty)
        #expect(parsed.problems.count == 3)
        #expect(parsed.problems[0] == "line 2: not-an-email is not an email address; skipped")
        #expect(parsed.problems[1].hasPrefix("line 2: 050 123 4567 is not a phone number in international form"))
        #expect(parsed.problems[2] == "line 4: Nobody has no email, phone or external_id to match on; row skipped")
    }

    @Test func defaultCallingCodeAppliesToNationalPhones() throws {
        let csv = "name,company,plan,emails,phones,owner,language,notes\nPat,,,,050 123 4567,,,\n"
        let parsed = try CustomerCSV.parse(csv, defaultCallingCode: "971")
        #expect(parsed.rows.first?.phones == ["+971501234567"])
    }

    @Test func reportsContactsListedTwice() throws {
        let csv = "name,company,plan,emails,phones,owner,language,notes\nA,,,a@x.example,,,,\nB,,,A@X.example,,,,\n"
        let parsed = try CustomerCSV.parse(csv)
        #expect(parsed.rows.count == 2)
        #expect(parsed.problems == ["line 3: a@x.example also appears on line 2; both rows become one customer"])
    }

    @Test func unknownColumnsAreIgnoredWithAWarning() throws {
        let csv = "name,company,plan,emails,phones,owner,language,notes,twitter\nA,,,a@x.example,,,,,@a\n"
        let parsed = try CustomerCSV.parse(csv)
        #expect(parsed.rows.count == 1)
        #expect(parsed.problems == ["line 1: unknown column twitter is ignored"])
    }

    @Test func refusesFilesThatCannotBeImported() {
        #expect(throws: CustomerCSVError.self) { try CustomerCSV.parse("") }
        let missing = #expect(throws: CustomerCSVError.self) { try CustomerCSV.parse("name,emails\nA,a@x.example\n") }
        #expect(missing?.description.contains("company, plan, phones, owner, language, notes") == true)
        #expect(throws: CustomerCSVError.self) { try CustomerCSV.parse("name,name,company,plan,emails,phones,owner,language,notes\n") }
        let open = #expect(throws: CustomerCSVError.self) {
            try CustomerCSV.parse("name,company,plan,emails,phones,owner,language,notes\n\"A,,,a@x.example,,,,\n")
        }
        #expect(open?.description == "line 2: a quoted field is never closed")
    }

    @Test func rowsWithTooManyFieldsAreSkipped() throws {
        let csv = "name,company,plan,emails,phones,owner,language,notes\nA,,,a@x.example,,,,,extra\n"
        let parsed = try CustomerCSV.parse(csv)
        #expect(parsed.rows.isEmpty)
        #expect(parsed.problems.count == 1)
    }
}
