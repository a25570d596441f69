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
        "e.g. political statement(s) by the Mayor; dedicated budget for intercultural policies; design and implementation of intercultural strategies/action plans; public discourse; intercultural competence for public institutions; investment in initiative to transform the system; cross-departmental mechanisms for cooperation; policies to recruit a diverse staff in the municipal services; policy/processes/structures to carry out a prior assessment of the intercultural nature of projects to be funded; etc.",
        "par ex. déclaration(s) politique(s) du maire ; budget dédié aux politiques interculturelles ; conception et mise en œuvre de stratégies et de plans d'action interculturels ; discours public ; compétence interculturelle des institutions publiques ; investissement dans des initiatives visant à transformer le système ; mécanismes de coopération entre services ; politiques de recrutement d'un personnel diversifié dans les services municipaux ; politiques, processus et structures pour évaluer au préalable la dimension interculturelle des projets à financer ; etc.",
    ),
    (
        "2",
        None,
        "Communication and public awareness on the value of interculturality",
        "Communication et sensibilisation du public à la valeur de l'interculturalité",
        "e.g. projects, action plans, processes, tools, training on intercultural literacy, developing a culture of inclusion and interculturality, anti-racism, anti-discrimination, diversity advantage, social media communication, etc.; intercultural awareness training for the communication department; inclusive communication and alternative narratives; cooperation with media; awareness campaigns; special awards/ceremonies on highlighting citizens' contributions to interculturality; opinion surveys; research and publications about the diversity in the city and its impact; official webs/apps communicating on interculturality; mechanisms for reaching out to diverse groups; etc.",
        "par ex. projets, plans d'action, processus, outils, formations à la culture interculturelle, développement d'une culture de l'inclusion et de l'interculturalité, antiracisme, lutte contre les discriminations, avantage de la diversité, communication sur les réseaux sociaux, etc. ; formation de sensibilisation interculturelle pour le service de la communication ; communication inclusive et récits alternatifs ; coopération avec les médias ; campagnes de sensibilisation ; prix et cérémonies mettant en valeur la contribution des habitants à l'interculturalité ; sondages d'opinion ; recherches et publications sur la diversité de la ville et son impact ; sites web et applications officiels communiquant sur l'interculturalité ; mécanismes pour atteindre les différents groupes ; etc.",
    ),
    (
        "3",
        None,
        "Anti-discrimination and equality",
        "Lutte contre les discriminations et égalité",
        "projects, action plans, processes, tools, training on anti-discrimination and or equality; awareness raising campaigns; data collection and analysis; equality bodies; monitoring media reports; where applicable: legislation/declarations; etc.; may target specific fields such as gender and intersectionality, Roma and Travelers, youth.",
        "projets, plans d'action, processus, outils, formations sur la lutte contre les discriminations et/ou l'égalité ; campagnes de sensibilisation ; collecte et analyse de données ; organismes de promotion de l'égalité ; veille des médias ; le cas échéant : législation et déclarations ; etc. ; peut viser des domaines particuliers comme le genre et l'intersectionnalité, les Roms et les Gens du voyage, la jeunesse.",
    ),
    (
        "3a",
        "3",
        "Gender and intersectionality",
        "Genre et intersectionnalité",
        "e.g. mainstreaming of gender and interculturality issues; empowerment of migrant women; programmes/projects for the intercultural inclusion of LGBTI persons; awareness raising campaigns; employment programmes; cooperation with civil society and NGOs; etc.",
        "par ex. prise en compte systématique des questions de genre et d'interculturalité ; autonomisation des femmes migrantes ; programmes et projets pour l'inclusion interculturelle des personnes LGBTI ; campagnes de sensibilisation ; programmes pour l'emploi ; coopération avec la société civile et les ONG ; etc.",
    ),
    (
        "3b",
        "3",
        "Roma and Travelers",
        "Roms et Gens du voyage",
        "e.g. facilitating access to social rights and public services; anti-gypsyism and awareness; Roma mediators; school de-segregation; employability networks; social inclusion; political participation; communication campaigns; etc.",
        "par ex. faciliter l'accès aux droits sociaux et aux services publics ; lutte contre l'antitsiganisme et sensibilisation ; médiateurs roms ; déségrégation scolaire ; réseaux pour l'employabilité ; inclusion sociale ; participation politique ; campagnes de communication ; etc.",
    ),
    (
        "3c",
        "3",
        "Youth",
        "Jeunesse",
        "e.g., human rights education programmes; democratic citizenship education; active participation; youth empowerment; etc.",
        "par ex. programmes d'éducation aux droits humains ; éducation à la citoyenneté démocratique ; participation active ; autonomisation des jeunes ; etc.",
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
        "e.g. intercultural education/projects; educational projects in libraries/museums; support centres to promote intercultural skills and interaction; human rights education; after-school intercultural activities; training of teachers on intercultural competence; activities to involve the parents; cooperation with universities; informal/extra-curricular education; intercultural curriculum; efforts to recruit a diverse staff; etc.",
        "par ex. éducation et projets interculturels ; projets éducatifs dans les bibliothèques et les musées ; centres de soutien pour développer les compétences interculturelles et l'interaction ; éducation aux droits humains ; activités interculturelles périscolaires ; formation des enseignants à la compétence interculturelle ; activités pour associer les parents ; coopération avec les universités ; éducation informelle et extrascolaire ; programme scolaire interculturel ; efforts pour recruter un personnel diversifié ; etc.",
    ),
    (
        "6",
        None,
        "Public space",
        "Espace public",
        "e.g. intercultural urban planning for increased interaction; sustainable and inclusive urban planning; participation in design or renewal of public space; anti-discrimination actions and policies; intercultural gardening; inclusive public transport; redesigning neighbourhoods with citizens; local innovation; tactical urbanism; placemaking; desegregation of neighbourhoods; etc.",
        "par ex. urbanisme interculturel favorisant l'interaction ; urbanisme durable et inclusif ; participation à la conception ou à la rénovation de l'espace public ; actions et politiques de lutte contre les discriminations ; jardinage interculturel ; transports publics inclusifs ; réaménagement des quartiers avec les habitants ; innovation locale ; urbanisme tactique ; création de lieux (placemaking) ; déségrégation des quartiers ; etc.",
    ),
    (
        "7",
        None,
        "Public services",
        "Services publics",
        "e.g. recruitment of diverse staff; multilingual services; intercultural competence trainings for public officials in charge of providing services to the citizenry; awareness and campaigns; translation of information; facilitation of access to, and prevention of discrimination; etc.; may target specific fields such as health, social care and family support, sustainable housing, security and safety.",
        "par ex. recrutement d'un personnel diversifié ; services multilingues ; formations à la compétence interculturelle pour les agents publics chargés des services aux habitants ; sensibilisation et campagnes ; traduction des informations ; facilitation de l'accès et prévention des discriminations ; etc. ; peut viser des domaines particuliers comme la santé, l'aide sociale et le soutien aux familles, le logement durable, la sécurité et la sûreté.",
    ),
    (
        "7a",
        "7",
        "Health, social care and family support",
        "Santé, aide sociale et soutien aux familles",
        "e.g. access to health; social care; intercultural competence for public hospital employees; family support; etc.",
        "par ex. accès aux soins ; aide sociale ; compétence interculturelle du personnel des hôpitaux publics ; soutien aux familles ; etc.",
    ),
    ("7b", "7", "Sustainable housing", "Logement durable", "", ""),
    (
        "7c",
        "7",
        "Security and safety",
        "Sécurité et sûreté",
        "e.g. Intercultural competence of police; public space and urban planning for safer neighbourhoods; intercultural mediation; conflict prevention; human rights education; community policing; prevention of extremism; etc.",
        "par ex. compétence interculturelle de la police ; espace public et urbanisme pour des quartiers plus sûrs ; médiation interculturelle ; prévention des conflits ; éducation aux droits humains ; police de proximité ; prévention de l'extrémisme ; etc.",
    ),
    (
        "8",
        None,
        "Business/Employment and diversity",
        "Entreprises, emploi et diversité",
        "e.g. employability programmes; partnership with private business or civil society; self-employment and entrepreneurship; access to loans; business incubators; social innovation; access to public procurement for diverse enterprises; recognition of skills and qualification; vocational training and career development; workforce diversity and capacity building; etc.",
        "par ex. programmes d'employabilité ; partenariats avec les entreprises privées ou la société civile ; travail indépendant et entrepreneuriat ; accès au crédit ; incubateurs d'entreprises ; innovation sociale ; accès des entreprises diversifiées aux marchés publics ; reconnaissance des compétences et des qualifications ; formation professionnelle et évolution de carrière ; diversité du personnel et renforcement des capacités ; etc.",
    ),
    (
        "9",
        None,
        "Cultural and social life, leisure and heritage",
        "Vie culturelle et sociale, loisirs et patrimoine",
        "e.g. public acknowledgment of diverse heritage; processes to ensure a diverse programming of cultural activities in public theatres, museums, etc.; intercultural festivals and intercultural days; artistic activities to promote intercultural literacy and youth participation; sport and recreation; urban heritage; intercultural use of public libraries and museums; etc.",
        "par ex. reconnaissance publique d'un patrimoine divers ; processus garantissant une programmation culturelle diversifiée dans les théâtres publics, les musées, etc. ; festivals et journées interculturels ; activités artistiques favorisant la culture interculturelle et la participation des jeunes ; sport et loisirs ; patrimoine urbain ; usage interculturel des bibliothèques et des musées publics ; etc.",
    ),
    (
        "9a",
        "9",
        "Interreligious dialogue",
        "Dialogue interreligieux",
        "interreligious councils; mediation; places of worship; anti-discrimination measures; prevention of religious extremism; etc.",
        "conseils interreligieux ; médiation ; lieux de culte ; mesures contre les discriminations ; prévention de l'extrémisme religieux ; etc.",
    ),
    (
        "10",
        None,
        "Intercultural mediation and conflict resolution",
        "Médiation interculturelle et résolution des conflits",
        "public mediation services; Roma mediators; intercultural competence; interreligious dialogue; etc.",
        "services publics de médiation ; médiateurs roms ; compétence interculturelle ; dialogue interreligieux ; etc.",
    ),
    (
        "11",
        None,
        "Language",
        "Langue",
        "promotion of multilingualism; language courses for newcomers; visibility, recognition and teaching of minority/migrant languages as resources; availability of information related to public services in several languages, etc.",
        "promotion du multilinguisme ; cours de langue pour les nouveaux arrivants ; visibilité, reconnaissance et enseignement des langues minoritaires et des langues de la migration comme des ressources ; informations sur les services publics disponibles en plusieurs langues ; etc.",
    ),
    (
        "12",
        None,
        "International outlook",
        "Ouverture internationale",
        "cooperation with diaspora; policies to encourage international cooperation and exchanges; international connections and twinning programmes; programmes for attracting foreign students; etc.",
        "coopération avec les diasporas ; politiques encourageant la coopération et les échanges internationaux ; relations internationales et jumelages ; programmes pour attirer les étudiants étrangers ; etc.",
    ),
    (
        "13",
        None,
        "Intercultural intelligence",
        "Intelligence interculturelle",
        "e.g. monitoring and mapping city diversity; intercultural competence for public officers and elected officials; mainstreaming interculturalism in public policies; etc.",
        "par ex. suivi et cartographie de la diversité de la ville ; compétence interculturelle des agents publics et des élus ; prise en compte systématique de l'interculturalisme dans les politiques publiques ; etc.",
    ),
    (
        "14",
        None,
        "Welcoming newcomers",
        "Accueil des nouveaux arrivants",
        "e.g. integration programmes with intercultural elements; welcoming programmes; projects aimed at the intercultural inclusion of unaccompanied minors; facilitating residence and work permits; family reunification; solidarity networks; etc.; may target in particular refugees, migrants, society at large.",
        "par ex. programmes d'intégration comportant des éléments interculturels ; programmes d'accueil ; projets pour l'inclusion interculturelle des mineurs non accompagnés ; faciliter l'obtention des permis de séjour et de travail ; regroupement familial ; réseaux de solidarité ; etc. ; peut viser en particulier les réfugiés, les migrants, la société dans son ensemble.",
    ),
    ("14a", "14", "Refugees", "Réfugiés", "", ""),
    ("14b", "14", "Migrants", "Migrants", "", ""),
    ("14c", "14", "Society at large", "La société dans son ensemble", "", ""),
    (
        "15",
        None,
        "Public and political participation",
        "Participation publique et politique",
        "e.g. intercultural councils; youth councils; citizens assemblies; participatory budget; participation networks; public consultations; access to voting rights; awareness campaigns; IT tools and online platforms; support to civil society; etc",
        "par ex. conseils interculturels ; conseils de jeunes ; assemblées citoyennes ; budget participatif ; réseaux de participation ; consultations publiques ; accès au droit de vote ; campagnes de sensibilisation ; outils informatiques et plateformes en ligne ; soutien à la société civile ; etc.",
    ),
    (
        "16",
        None,
        "Interaction",
        "Interaction",
        "all measures, projects and policy facilitating meaningful intercultural interaction and social trust.",
        "toutes les mesures, tous les projets et toutes les politiques qui favorisent une interaction interculturelle véritable et la confiance sociale.",
    ),
]
# Every code, in the guide's order (the API's schema lists them).
FIELD_CODES = [row[0] for row in FIELDS_OF_ACTION]


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
