/// The demo's weapon systems, fleets, qualifications and recognitions, for the munitions of `DemoScenario`: several
/// 155 mm howitzer types, 120 mm mortars and the Patriot launcher, operated by many nations, with qualifications that
/// differ between nations and recognitions that run one way. Every nation that needs a munition can fire one of its
/// class, except the users of rifled 120 mm mortars (FR, ES, NO), for whom no bomb of the demo is qualified: the gap
/// the matrix is there to show. The catalogue names real systems; every fleet size,
/// qualification and recognition is ILLUSTRATIVE (docs/demo-sources.md).
public enum DemoInteroperability {
    public static let systems: [WeaponSystem] = [
        WeaponSystem(code: "PZH2000", name: "Panzerhaubitze 2000", kind: .howitzer, calibre: "155 mm"),
        WeaponSystem(code: "CAESAR", name: "CAESAR truck-mounted howitzer", kind: .howitzer, calibre: "155 mm"),
        WeaponSystem(code: "K9", name: "K9 Thunder", kind: .howitzer, calibre: "155 mm"),
        WeaponSystem(code: "KRAB", name: "AHS Krab", kind: .howitzer, calibre: "155 mm"),
        WeaponSystem(code: "ARCHER", name: "Archer FH77BW L52", kind: .howitzer, calibre: "155 mm"),
        WeaponSystem(code: "M109A7", name: "M109A7 Paladin", kind: .howitzer, calibre: "155 mm"),
        WeaponSystem(code: "M777", name: "M777 towed howitzer", kind: .howitzer, calibre: "155 mm"),
        WeaponSystem(code: "MO-120-RT", name: "MO 120 RT rifled mortar", kind: .mortar, calibre: "120 mm"),
        WeaponSystem(code: "M120", name: "M120 mortar", kind: .mortar, calibre: "120 mm"),
        WeaponSystem(code: "RAK-120", name: "RAK self-propelled mortar", kind: .mortar, calibre: "120 mm"),
        WeaponSystem(code: "M903", name: "Patriot M903 launching station", kind: .airDefenceLauncher, calibre: ""),
    ]

    public static let fleets: [Fleet] = [
        ("DE", "PZH2000", 106), ("NL", "PZH2000", 50), ("IT", "PZH2000", 68), ("LT", "PZH2000", 21), ("HU", "PZH2000", 24),
        ("GR", "PZH2000", 25),
        ("FR", "CAESAR", 76), ("BE", "CAESAR", 28), ("CZ", "CAESAR", 52), ("DK", "CAESAR", 19), ("EE", "CAESAR", 12),
        ("LT", "CAESAR", 18),
        ("PL", "K9", 212), ("NO", "K9", 28), ("FI", "K9", 96), ("EE", "K9", 36),
        ("PL", "KRAB", 122), ("SE", "ARCHER", 48), ("US", "M109A7", 450), ("US", "M777", 500), ("CA", "M777", 33),
        ("ES", "M109A7", 96), ("RO", "K9", 54),
        ("FR", "MO-120-RT", 140), ("ES", "MO-120-RT", 60), ("IT", "MO-120-RT", 40), ("NO", "MO-120-RT", 24),
        ("US", "M120", 900), ("LT", "M120", 40), ("CZ", "M120", 30), ("DE", "M120", 60), ("PL", "RAK-120", 120),
        ("FI", "M120", 50), ("EE", "M120", 12), ("NL", "M120", 18), ("RO", "M120", 30),
        ("US", "M903", 400), ("DE", "M903", 60), ("NL", "M903", 20), ("ES", "M903", 12), ("PL", "M903", 16), ("RO", "M903", 16),
        ("SE", "M903", 12), ("GR", "M903", 36),
    ].map { Fleet(nation: $0.0, system: $0.1, count: $0.2) }

    public static let qualifications: [Qualification] = [
        // 155 mm: each nation qualifies on its own systems, not every make
        ("SHELL-155-HE-EU", "CAESAR", "FR", CalendarDay(2019, 3, 12)), ("SHELL-155-HE-EU", "PZH2000", "DE", CalendarDay(2020, 6, 2)),
        ("SHELL-155-HE-EU", "K9", "PL", CalendarDay(2023, 9, 18)), ("SHELL-155-HE-EU", "ARCHER", "SE", CalendarDay(2022, 11, 7)),
        ("SHELL-155-HE-RHM", "PZH2000", "DE", CalendarDay(2018, 4, 23)), ("SHELL-155-HE-RHM", "PZH2000", "NL", CalendarDay(2019, 1, 15)),
        ("SHELL-155-HE-RHM", "KRAB", "PL", CalendarDay(2024, 2, 28)), ("SHELL-155-HE-RHM", "K9", "FI", CalendarDay(2023, 5, 30)),
        ("SHELL-155-HE-US", "M109A7", "US", CalendarDay(2017, 8, 1)), ("SHELL-155-HE-US", "M777", "US", CalendarDay(2017, 8, 1)),
        ("SHELL-155-HE-US", "K9", "NO", CalendarDay(2021, 10, 4)),
        // 120 mm: rifled and smooth-bore mortars do not share the bomb
        ("MORTAR-120-HE", "M120", "US", CalendarDay(2016, 5, 9)), ("MORTAR-120-HE", "RAK-120", "PL", CalendarDay(2022, 3, 14)),
        ("MORTAR-120-HE", "M120", "FI", CalendarDay(2021, 12, 1)),
        // Patriot
        ("INTERCEPTOR-PAC3-MSE", "M903", "US", CalendarDay(2018, 1, 10)), ("INTERCEPTOR-GEM-T", "M903", "US", CalendarDay(2015, 6, 30)),
        ("INTERCEPTOR-PAC3-MSE", "M903", "DE", CalendarDay(2024, 4, 22)), ("INTERCEPTOR-GEM-T", "M903", "DE", CalendarDay(2016, 9, 13)),
    ].map { Qualification(item: $0.0, system: $0.1, nation: $0.2, qualifiedOn: $0.3) }

    /// Who accepts whose qualifications; one way each.
    public static let recognitions: [Recognition] = [
        ("BE", "FR"), ("DK", "FR"), ("EE", "FR"), ("LT", "DE"), ("HU", "DE"), ("GR", "DE"), ("IT", "DE"), ("NL", "DE"),
        ("CA", "US"), ("PL", "US"), ("NL", "US"), ("ES", "US"), ("RO", "US"), ("SE", "US"), ("LT", "US"), ("CZ", "US"),
        ("DE", "US"), ("EE", "PL"), ("CZ", "FR"), ("EE", "FI"), ("GR", "US"), ("RO", "PL"),
    ].map { Recognition(nation: $0.0, recognises: $0.1) }
}
