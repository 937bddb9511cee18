namespace ConnectingCommunities.Data.Demo;

/// <summary>Where a demo participant's names come from, so names fit the ethnic group recorded.</summary>
internal enum NameOrigin
{
    British,
    Irish,
    Pakistani,
    Bangladeshi,
    Indian,
    Caribbean,
    African,
    EasternEuropean,
    Traveller,
    Roma,
    Chinese,
    Arab,
    OtherAsian,
}

/// <summary>A pool of UK-plausible names for one origin.</summary>
internal sealed record NamePool(string[] FemaleFirst, string[] MaleFirst, string[] Last);

/// <summary>
/// Fictional people's names for the demo caseload: common given names and surnames of the
/// communities of the West Midlands, so that search, duplicate checks and name similarity meet
/// realistic spellings (accents, apostrophes, hyphens, several spellings of one name).
/// </summary>
internal static class DemoNames
{
    private static readonly string[] BritishFemale =
    [
        "Olivia", "Amelia", "Emily", "Jessica", "Sophie", "Chloe", "Lauren", "Hannah", "Charlotte", "Rebecca", "Sarah",
        "Emma", "Laura", "Gemma", "Kirsty", "Leanne", "Stacey", "Donna", "Karen", "Tracey", "Julie", "Michelle", "Lisa",
        "Nicola", "Claire", "Joanne", "Kelly", "Amy", "Jade", "Natalie", "Danielle", "Stephanie", "Samantha", "Zoe",
        "Megan", "Ellie", "Katie", "Lucy", "Holly", "Bethany", "Shannon", "Paige", "Courtney", "Demi", "Jodie", "Susan",
        "Linda", "Margaret", "Patricia", "Janet", "Carol", "Deborah", "Sharon", "Angela", "Dawn", "Wendy", "Beverley",
        "Jacqueline", "Lorraine", "Kayleigh", "Chelsea", "Abigail", "Georgia", "Rachel", "Victoria", "Louise", "Helen",
    ];

    private static readonly string[] BritishMale =
    [
        "Oliver", "Jack", "Harry", "George", "Charlie", "Thomas", "James", "William", "Daniel", "Matthew", "Joshua",
        "Ryan", "Liam", "Connor", "Callum", "Jordan", "Kieran", "Lewis", "Jake", "Luke", "Adam", "Ben", "Sam", "Tom",
        "Craig", "Lee", "Dean", "Wayne", "Darren", "Gary", "Paul", "Mark", "Stephen", "Steven", "Andrew", "David",
        "Michael", "Richard", "Kevin", "Neil", "Jason", "Carl", "Scott", "Shaun", "Martin", "Peter", "John", "Jon",
        "Robert", "Anthony", "Christopher", "Ian", "Keith", "Terry", "Barry", "Graham", "Nathan", "Aaron", "Reece",
        "Tyler", "Kyle", "Bradley", "Jamie", "Alfie", "Mason", "Dylan",
    ];

    private static readonly string[] BritishLast =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
        "Clarke", "Clark", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "King",
        "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price",
        "Bennett", "Young", "Griffiths", "Mitchell", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw",
        "Miller", "Cox", "Richards", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Wilkinson", "Foster",
        "Chapman", "Mason", "Webb", "Rogers", "Gibson", "Hunt", "Holmes", "Mills", "Owen", "Palmer", "Matthews",
        "Lloyd", "Stevens", "Fisher", "Butler", "Barnes", "Hancox", "Bate", "Cartwright", "Plant", "Hickman",
        "Hodgetts", "Perks", "Bayliss", "Tonks", "Bissell", "Round", "Aston", "Rowley", "Nock", "Pearson",
        "Jones-Hickman", "Smith-Turner",
    ];

    private static readonly string[] IrishFemale =
        ["Siobhan", "Aoife", "Niamh", "Ciara", "Sinéad", "Bridget", "Maeve", "Mary", "Kathleen", "Orla", "Róisín", "Deirdre"];

    private static readonly string[] IrishMale =
        ["Sean", "Seán", "Patrick", "Declan", "Ciarán", "Eoin", "Liam", "Conor", "Brendan", "Niall", "Michael", "Colm"];

    private static readonly string[] IrishLast =
    [
        "Murphy", "Kelly", "O'Brien", "O'Neill", "Byrne", "Ryan", "Doyle", "McCarthy", "Gallagher", "Doherty", "Kennedy",
        "Lynch", "Quinn", "Brennan", "O'Connor", "Fitzgerald", "Nolan", "Walsh", "O'Sullivan", "McDonagh",
    ];

    private static readonly string[] PakistaniFemale =
    [
        "Ayesha", "Aisha", "Fatima", "Zainab", "Maryam", "Amina", "Hafsa", "Khadija", "Safiya", "Sana", "Nadia", "Samina",
        "Shazia", "Rubina", "Nasreen", "Farzana", "Shabana", "Rukhsana", "Iqra", "Mehwish", "Saima", "Bushra", "Asma",
        "Tahira", "Noor", "Hina", "Zara", "Aleena",
    ];

    private static readonly string[] PakistaniMale =
    [
        "Muhammad", "Mohammed", "Mohammad", "Ahmed", "Ali", "Hassan", "Hussain", "Bilal", "Usman", "Imran", "Asif",
        "Tariq", "Zubair", "Adnan", "Faisal", "Kamran", "Shahid", "Nadeem", "Zahid", "Arif", "Ibrahim", "Yusuf", "Hamza",
        "Omar", "Abdul", "Rizwan", "Waqar", "Sajid", "Amjad", "Shafiq", "Rashid", "Zain", "Haroon",
    ];

    private static readonly string[] PakistaniLast =
    [
        "Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Iqbal", "Mahmood", "Mahmud", "Rashid", "Shah", "Butt", "Malik",
        "Aslam", "Bashir", "Riaz", "Javed", "Saddique", "Siddique", "Chaudhry", "Qureshi", "Mirza", "Anwar", "Hanif",
        "Yousaf", "Nawaz", "Rehman", "Sharif", "Zaman", "Latif", "Sadiq", "Hameed", "Ashraf",
    ];

    private static readonly string[] BangladeshiFemale =
        ["Fatema", "Nasima", "Rahima", "Shirin", "Sultana", "Taslima", "Runa", "Jesmin", "Halima", "Sumaya", "Tania", "Nazma"];

    private static readonly string[] BangladeshiMale =
        ["Abdul", "Mohammed", "Shahid", "Jamal", "Rafiq", "Kamal", "Anwar", "Habib", "Nazrul", "Saiful", "Shamim", "Rubel"];

    private static readonly string[] BangladeshiLast =
        ["Begum", "Miah", "Uddin", "Rahman", "Islam", "Hoque", "Haque", "Ahmed", "Chowdhury", "Hussain", "Khatun", "Ali", "Sarkar"];

    private static readonly string[] IndianFemale =
    [
        "Priya", "Anjali", "Pooja", "Neha", "Simran", "Harpreet", "Manpreet", "Jaspreet", "Gurpreet", "Kiran", "Sunita",
        "Rajinder", "Kamaljit", "Amrit", "Navdeep", "Sonia", "Meena", "Asha", "Geeta", "Nisha", "Ravinder", "Parminder",
    ];

    private static readonly string[] IndianMale =
    [
        "Rajesh", "Sanjay", "Amit", "Vikram", "Arjun", "Rohan", "Harjit", "Jaswinder", "Sukhdev", "Gurdeep", "Balvinder",
        "Kuldip", "Manjit", "Sandeep", "Ravi", "Deepak", "Anil", "Suresh", "Ashok", "Nikhil", "Jagdeep", "Hardeep",
    ];

    private static readonly string[] IndianLast =
    [
        "Patel", "Singh", "Kaur", "Sharma", "Gill", "Sandhu", "Sidhu", "Bains", "Dhillon", "Johal", "Sahota", "Mistry",
        "Parmar", "Chauhan", "Kumar", "Joshi", "Mehta", "Rai", "Virdee", "Atwal", "Bassi", "Chahal", "Grewal", "Heer", "Kang",
    ];

    private static readonly string[] CaribbeanFemale =
        ["Marcia", "Denise", "Sonia", "Shanice", "Tanisha", "Claudette", "Jacqueline", "Paulette", "Simone", "Keisha", "Chantelle", "Beverley"];

    private static readonly string[] CaribbeanMale =
        ["Jermaine", "Marlon", "Delroy", "Leon", "Tyrone", "Kemar", "Andre", "Winston", "Errol", "Clive", "Dwayne", "Curtis"];

    private static readonly string[] CaribbeanLast =
    [
        "Campbell", "Williams", "Brown", "Francis", "Clarke", "Reid", "Edwards", "Grant", "Thompson", "Robinson", "Henry",
        "Gordon", "Morgan", "McKenzie", "Bailey", "Johnson", "Stewart", "Spencer", "Graham", "Lewis", "Forbes",
    ];

    private static readonly string[] AfricanFemale =
    [
        "Blessing", "Chiamaka", "Ngozi", "Adaeze", "Funmilayo", "Amara", "Folake", "Grace", "Precious", "Fatuma", "Hodan",
        "Faduma", "Ayan", "Mercy", "Esther", "Yetunde", "Abena", "Akosua", "Ruth",
    ];

    private static readonly string[] AfricanMale =
    [
        "Chinedu", "Emeka", "Oluwaseun", "Tunde", "Kwame", "Kofi", "Samuel", "Emmanuel", "Daniel", "Abdi", "Mohamed",
        "Yusuf", "Tendai", "Tafadzwa", "Godfrey", "Babajide", "Ifeanyi", "Nnamdi", "Joseph",
    ];

    private static readonly string[] AfricanLast =
    [
        "Okafor", "Adeyemi", "Okonkwo", "Mensah", "Asante", "Boateng", "Osei", "Adebayo", "Olawale", "Nwosu", "Eze",
        "Abdi", "Mohamed", "Hassan", "Warsame", "Farah", "Moyo", "Ndlovu", "Mutasa", "Owusu", "Danso",
    ];

    private static readonly string[] EasternEuropeanFemale =
    [
        "Agnieszka", "Katarzyna", "Magdalena", "Anna", "Joanna", "Monika", "Ewa", "Alina", "Ioana", "Elena", "Andreea",
        "Daiva", "Jurgita", "Kristina", "Simona", "Zuzana",
    ];

    private static readonly string[] EasternEuropeanMale =
    [
        "Piotr", "Tomasz", "Krzysztof", "Marcin", "Paweł", "Łukasz", "Andrzej", "Michał", "Adrian", "Ionuț", "Mihai",
        "Andrei", "Florin", "Darius", "Tomas", "Mindaugas", "Jakub", "Marek",
    ];

    private static readonly string[] EasternEuropeanLast =
    [
        "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Popescu",
        "Ionescu", "Dumitru", "Stan", "Kazlauskas", "Petrauskas", "Horváth", "Novák", "Dvořák",
    ];

    private static readonly string[] TravellerLast = ["Lee", "Smith", "Price", "Boswell", "Lovell", "Loveridge", "Ward", "McDonagh"];

    private static readonly string[] RomaLast = ["Balogh", "Horváth", "Lakatos", "Rostas", "Oláh", "Kolompar"];

    private static readonly string[] ChineseFemale = ["Mei", "Li", "Xin", "Yan", "Jing", "Hui", "Ying", "Wai", "Ling"];

    private static readonly string[] ChineseMale = ["Wei", "Jun", "Hao", "Ming", "Chen", "Kai", "Ho", "Jian", "Kwok"];

    private static readonly string[] ChineseLast = ["Wang", "Li", "Zhang", "Chen", "Liu", "Wong", "Chan", "Lam", "Cheung", "Ng", "Ho", "Leung", "Yang", "Huang"];

    private static readonly string[] ArabFemale = ["Fatima", "Mariam", "Layla", "Noor", "Huda", "Rania", "Amal", "Salma", "Yasmin"];

    private static readonly string[] ArabMale = ["Ahmed", "Mohammed", "Omar", "Khalid", "Yousef", "Mustafa", "Ali", "Karim", "Tariq", "Sami"];

    private static readonly string[] ArabLast = ["Al-Sayed", "Haddad", "Mansour", "Nasser", "Hamdan", "Saleh", "Abdullah", "Al-Hassan", "Ibrahim", "Yassin"];

    private static readonly string[] OtherAsianFemale = ["Maria", "Grace", "Shabnam", "Parisa", "Nilufar", "Tharushi", "Kavya", "Rosa"];

    private static readonly string[] OtherAsianMale = ["Ahmad", "Farhad", "Karim", "Rahul", "Dilshan", "Jose", "Nuwan", "Reza"];

    private static readonly string[] OtherAsianLast = ["Karimi", "Ahmadi", "Rahimi", "Hosseini", "Perera", "Fernando", "Silva", "Santos", "Reyes", "Gurung"];

    private static readonly Dictionary<NameOrigin, NamePool> Pools = new()
    {
        [NameOrigin.British] = new(BritishFemale, BritishMale, BritishLast),
        [NameOrigin.Irish] = new(IrishFemale, IrishMale, IrishLast),
        [NameOrigin.Pakistani] = new(PakistaniFemale, PakistaniMale, PakistaniLast),
        [NameOrigin.Bangladeshi] = new(BangladeshiFemale, BangladeshiMale, BangladeshiLast),
        [NameOrigin.Indian] = new(IndianFemale, IndianMale, IndianLast),
        [NameOrigin.Caribbean] = new(CaribbeanFemale, CaribbeanMale, CaribbeanLast),
        [NameOrigin.African] = new(AfricanFemale, AfricanMale, AfricanLast),
        [NameOrigin.EasternEuropean] = new(EasternEuropeanFemale, EasternEuropeanMale, EasternEuropeanLast),
        [NameOrigin.Traveller] = new(BritishFemale, BritishMale, TravellerLast),
        [NameOrigin.Roma] = new(EasternEuropeanFemale, EasternEuropeanMale, RomaLast),
        [NameOrigin.Chinese] = new(ChineseFemale, ChineseMale, ChineseLast),
        [NameOrigin.Arab] = new(ArabFemale, ArabMale, ArabLast),
        [NameOrigin.OtherAsian] = new(OtherAsianFemale, OtherAsianMale, OtherAsianLast),
    };

    public static NamePool For(NameOrigin origin) => Pools[origin];

    /// <summary>Polish surnames ending -ski/-cki take -ska/-cka for women.</summary>
    public static string FemaleForm(string lastName) => lastName.EndsWith("ski", StringComparison.Ordinal) || lastName.EndsWith("cki", StringComparison.Ordinal)
        ? lastName[..^1] + "a"
        : lastName;

    /// <summary>Staff names for advisors of contracts that have no demo advisor user.</summary>
    public static IReadOnlyList<string> AdvisorFirstNames { get; } =
        ["Sam", "Alex", "Jo", "Chris", "Priya", "Imran", "Hannah", "Marcus", "Nadia", "Gareth", "Leanne", "Tariq", "Rachel", "Dev"];

    public static IReadOnlyList<string> AdvisorLastNames { get; } =
        ["Bradley", "Okoro", "Sandhu", "Whitehouse", "Begum", "Fletcher", "Kaur", "Doyle", "Rahman", "Hartley", "Bishop", "Malik"];

    public static IReadOnlyList<string> Streets { get; } =
    [
        "Station Road", "Church Street", "Victoria Road", "High Street", "Park Road", "Mill Lane", "Chapel Street",
        "Queens Road", "Kings Road", "Albert Street", "Green Lane", "Springfield Road", "Windmill Lane", "Oak Avenue",
        "Birch Close", "Willow Way", "Hawthorn Road", "Cedar Drive", "Meadow Close", "Canal Side", "Brook Street",
        "School Lane", "Farm Road", "Elm Grove", "Ash Tree Road", "Coronation Road", "Orchard Close", "New Street",
        "Foundry Lane", "Forge Road", "Colliery Road", "Pool Street", "Hollybush Lane", "Beech Road", "Rowan Crescent",
        "Poplar Avenue", "Heath Road", "Common Lane", "Sycamore Road", "Primrose Hill",
    ];
}
