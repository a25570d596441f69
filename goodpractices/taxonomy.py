"""The 16 fields of action and their sub-fields, exactly as the ICC guide for the collection of good
practices gives them (seed 000). Loaded by the data migration 0002_fields_of_action; `fields_of_action_sync`
re-applies it idempotently. Each entry: code, parent code, English name, French name, English description
(the guide's examples), French description.
"""

FIELDS_OF_ACTION = [
    (
        "1",
        None,
        "Leadership and political commitment",
        "Leadership et engagement politique",
        "e.g. political statement(s) by the Mayor; dedicated budget for intercultural policies; design and "
        "implementation of intercultural strategies/action plans; public discourse; intercultural competence for public "
        "institutions; investment in initiative to transform the system; cross-departmental mechanisms for cooperation; "
        "policies to recruit a diverse staff in the municipal services; policy/processes/structures to carry out a prior "
        "assessment of the intercultural nature of projects to be funded; etc.",
        "",
    ),
    (
        "2",
        None,
        "Communication and public awareness on the value of interculturality",
        "Communication et sensibilisation du public à la valeur de l'interculturalité",
        "e.g. projects, action plans, processes, tools, training on intercultural literacy, developing a culture of "
        "inclusion and interculturality, anti-racism, anti-discrimination, diversity advantage, social media "
        "communication, etc.; intercultural awareness training for the communication department; inclusive "
        "communication and alternative narratives; cooperation with media; awareness campaigns; special "
        "awards/ceremonies on highlighting citizens' contributions to interculturality; opinion surveys; research and "
        "publications about the diversity in the city and its impact; official webs/apps communicating on "
        "interculturality; mechanisms for reaching out to diverse groups; etc.",
        "",
    ),
    (
        "3",
        None,
        "Anti-discrimination and equality",
        "Lutte contre les discriminations et égalité",
        "projects, action plans, processes, tools, training on anti-discrimination and or equality; awareness raising "
        "campaigns; data collection and analysis; equality bodies; monitoring media reports; where applicable: "
        "legislation/declarations; etc.; may target specific fields such as gender and intersectionality, Roma and "
        "Travelers, youth.",
        "",
    ),
    (
        "3a",
        "3",
        "Gender and intersectionality",
        "Genre et intersectionnalité",
        "e.g. mainstreaming of gender and interculturality issues; empowerment of migrant women; programmes/projects for "
        "the intercultural inclusion of LGBTI persons; awareness raising campaigns; employment programmes; cooperation "
        "with civil society and NGOs; etc.",
        "",
    ),
    (
        "3b",
        "3",
        "Roma and Travelers",
        "Roms et Gens du voyage",
        "e.g. facilitating access to social rights and public services; anti-gypsyism and awareness; Roma mediators; "
        "school de-segregation; employability networks; social inclusion; political participation; communication "
        "campaigns; etc.",
        "",
    ),
    (
        "3c",
        "3",
        "Youth",
        "Jeunesse",
        "e.g., human rights education programmes; democratic citizenship education; active participation; youth "
        "empowerment; etc.",
        "",
    ),
    (
        "4",
        None,
        "Anti-rumour strategies & campaigns, and actions against hate speech and hate crime",
        "Stratégies et campagnes anti-rumeurs, actions contre le discours et les crimes de haine",
        "",
        "",
    ),
    (
        "5",
        None,
        "Education",
        "Éducation",
        "e.g. intercultural education/projects; educational projects in libraries/museums; support centres to promote "
        "intercultural skills and interaction; human rights education; after-school intercultural activities; training "
        "of teachers on intercultural competence; activities to involve the parents; cooperation with universities; "
        "informal/extra-curricular education; intercultural curriculum; efforts to recruit a diverse staff; etc.",
        "",
    ),
    (
        "6",
        None,
        "Public space",
        "Espace public",
        "e.g. intercultural urban planning for increased interaction; sustainable and inclusive urban planning; "
        "participation in design or renewal of public space; anti-discrimination actions and policies; intercultural "
        "gardening; inclusive public transport; redesigning neighbourhoods with citizens; local innovation; tactical "
        "urbanism; placemaking; desegregation of neighbourhoods; etc.",
        "",
    ),
    (
        "7",
        None,
        "Public services",
        "Services publics",
        "e.g. recruitment of diverse staff; multilingual services; intercultural competence trainings for public "
        "officials in charge of providing services to the citizenry; awareness and campaigns; translation of "
        "information; facilitation of access to, and prevention of discrimination; etc.; may target specific fields "
        "such as health, social care and family support, sustainable housing, security and safety.",
        "",
    ),
    (
        "7a",
        "7",
        "Health, social care and family support",
        "Santé, aide sociale et soutien aux familles",
        "e.g. access to health; social care; intercultural competence for public hospital employees; family support; "
        "etc.",
        "",
    ),
    ("7b", "7", "Sustainable housing", "Logement durable", "", ""),
    (
        "7c",
        "7",
        "Security and safety",
        "Sécurité et sûreté",
        "e.g. Intercultural competence of police; public space and urban planning for safer neighbourhoods; "
        "intercultural mediation; conflict prevention; human rights education; community policing; prevention of "
        "extremism; etc.",
        "",
    ),
    (
        "8",
        None,
        "Business/Employment and diversity",
        "Entreprises, emploi et diversité",
        "e.g. employability programmes; partnership with private business or civil society; self-employment and "
        "entrepreneurship; access to loans; business incubators; social innovation; access to public procurement for "
        "diverse enterprises; recognition of skills and qualification; vocational training and career development; "
        "workforce diversity and capacity building; etc.",
        "",
    ),
    (
        "9",
        None,
        "Cultural and social life, leisure and heritage",
        "Vie culturelle et sociale, loisirs et patrimoine",
        "e.g. public acknowledgment of diverse heritage; processes to ensure a diverse programming of cultural "
        "activities in public theatres, museums, etc.; intercultural festivals and intercultural days; artistic "
        "activities to promote intercultural literacy and youth participation; sport and recreation; urban heritage; "
        "intercultural use of public libraries and museums; etc.",
        "",
    ),
    (
        "9a",
        "9",
        "Interreligious dialogue",
        "Dialogue interreligieux",
        "interreligious councils; mediation; places of worship; anti-discrimination measures; prevention of religious "
        "extremism; etc.",
        "",
    ),
    (
        "10",
        None,
        "Intercultural mediation and conflict resolution",
        "Médiation interculturelle et résolution des conflits",
        "public mediation services; Roma mediators; intercultural competence; interreligious dialogue; etc.",
        "",
    ),
    (
        "11",
        None,
        "Language",
        "Langue",
        "promotion of multilingualism; language courses for newcomers; visibility, recognition and teaching of "
        "minority/migrant languages as resources; availability of information related to public services in several "
        "languages, etc.",
        "",
    ),
    (
        "12",
        None,
        "International outlook",
        "Ouverture internationale",
        "cooperation with diaspora; policies to encourage international cooperation and exchanges; international "
        "connections and twinning programmes; programmes for attracting foreign students; etc.",
        "",
    ),
    (
        "13",
        None,
        "Intercultural intelligence",
        "Intelligence interculturelle",
        "e.g. monitoring and mapping city diversity; intercultural competence for public officers and elected "
        "officials; mainstreaming interculturalism in public policies; etc.",
        "",
    ),
    (
        "14",
        None,
        "Welcoming newcomers",
        "Accueil des nouveaux arrivants",
        "e.g. integration programmes with intercultural elements; welcoming programmes; projects aimed at the "
        "intercultural inclusion of unaccompanied minors; facilitating residence and work permits; family "
        "reunification; solidarity networks; etc.; may target in particular refugees, migrants, society at large.",
        "",
    ),
    ("14a", "14", "Refugees", "Réfugiés", "", ""),
    ("14b", "14", "Migrants", "Migrants", "", ""),
    ("14c", "14", "Society at large", "La société dans son ensemble", "", ""),
    (
        "15",
        None,
        "Public and political participation",
        "Participation publique et politique",
        "e.g. intercultural councils; youth councils; citizens assemblies; participatory budget; participation "
        "networks; public consultations; access to voting rights; awareness campaigns; IT tools and online platforms; "
        "support to civil society; etc",
        "",
    ),
    (
        "16",
        None,
        "Interaction",
        "Interaction",
        "all measures, projects and policy facilitating meaningful intercultural interaction and social trust.",
        "",
    ),
]


def fields_of_action_sync(field_model) -> None:
    """Create or update the taxonomy (also used by the data migration with its historical model)."""
    by_code = {}
    for position, (code, parent, name_en, name_fr, description_en, description_fr) in enumerate(FIELDS_OF_ACTION):
        by_code[code], _ = field_model.objects.update_or_create(
            code=code,
            defaults={
                "parent": by_code.get(parent),
                "position": position,
                "name": name_en,
                "name_en": name_en,
                "name_fr": name_fr,
                "description": description_en,
                "description_en": description_en,
                "description_fr": description_fr or description_en,
            },
        )
