"""Word lists the synthetic corpus is made from. Small on purpose: no data files, no network."""

from __future__ import annotations

# Kept dense (several items a line) so the lists read as data, not as code.
# fmt: off

FIRST_NAMES = (
    "Adam", "Alice", "Amir", "Andrea", "Anna", "Ben", "Brian", "Carla", "Carter", "Chris",
    "Dan", "Daniel", "David", "Deepak", "Diane", "Elena", "Emily", "Eric", "Farah", "Frank",
    "George", "Grace", "Hannah", "Harold", "Ian", "Irene", "Jack", "James", "Jeff", "Jennifer",
    "Jesse", "Joan", "John", "Julia", "Karen", "Kevin", "Laura", "Leo", "Linda", "Marco",
    "Maria", "Mark", "Michael", "Mina", "Nathan", "Nina", "Oliver", "Olga", "Patrick", "Paula",
    "Peter", "Priya", "Rachel", "Raj", "Robert", "Rosa", "Sam", "Sanjay", "Sara", "Simon",
    "Sophie", "Steven", "Tara", "Thomas", "Uma", "Victor", "Wei", "William", "Yuki", "Zoe",
)

LAST_NAMES = (
    "Abbott", "Ahuja", "Alvarez", "Archambault", "Baker", "Barnes", "Bennett", "Brooks",
    "Chandler", "Chen", "Coleman", "Cruz", "Dalton", "Driscoll", "Dunn", "Ellis", "Evanson",
    "Farley", "Fischer", "Fleming", "Galves", "Garcia", "Gupta", "Hale", "Hansen", "Hayes",
    "Holt", "Ibarra", "Ingram", "Jonas", "Jensen", "Kallo", "Kaplan", "Keller", "Kim", "Klein",
    "Larsen", "Lew", "Lindqvist", "Lovallo", "Lowe", "Mancini", "Marsh", "Meyer", "Moreno",
    "Nakamura", "Novak", "Nolan", "Okafor", "Olsen", "Ortiz", "Patel", "Pichel", "Porter",
    "Quinn", "Ramirez", "Reyes", "Rozwadowski", "Russo", "Schuman", "Shah", "Shrestha",
    "Silva", "Sato", "Stone", "Sullivan", "Tanaka", "Torres", "Turner", "Ueda", "Vance",
    "Varga", "Wagner", "Walsh", "Weber", "Whitfield", "Xu", "Yamada", "Young", "Zimmerman",
)

# (sector name, company name stems, business segments, products)
SECTORS = (
    (
        "Automotive",
        ("Motors", "Mobility", "Drive", "Auto Group", "Vehicles"),
        ("vehicle deliveries", "energy storage", "service and parts", "leasing"),
        ("sedan", "crossover", "battery pack", "charging network", "drive unit"),
    ),
    (
        "Semiconductors",
        ("Semiconductor", "Micro Devices", "Silicon", "Logic", "Photonics"),
        ("data center", "client computing", "embedded", "foundry services"),
        ("accelerator", "memory controller", "wafer", "networking chip", "sensor"),
    ),
    (
        "Software",
        ("Software", "Systems", "Cloud", "Analytics", "Networks"),
        ("subscription", "professional services", "maintenance", "platform"),
        ("analytics suite", "security platform", "database", "collaboration tool", "API"),
    ),
    (
        "Retail",
        ("Stores", "Brands", "Outfitters", "Markets", "Retail Group"),
        ("comparable stores", "e-commerce", "wholesale", "loyalty program"),
        ("private label", "fulfilment center", "store format", "mobile app", "grocery line"),
    ),
    (
        "Energy",
        ("Energy", "Petroleum", "Resources", "Power", "Renewables"),
        ("upstream", "midstream", "refining", "renewables"),
        ("pipeline", "wind farm", "solar array", "refinery", "LNG terminal"),
    ),
    (
        "Healthcare",
        ("Therapeutics", "Health", "Medical", "Biosciences", "Diagnostics"),
        ("pharmaceuticals", "medical devices", "diagnostics", "clinical services"),
        ("oncology drug", "diagnostic test", "surgical robot", "vaccine", "infusion pump"),
    ),
    (
        "Industrials",
        ("Industries", "Manufacturing", "Aerospace", "Machinery", "Engineering"),
        ("aerospace", "building products", "industrial automation", "aftermarket"),
        ("turbine", "actuator", "control system", "compressor", "airframe component"),
    ),
    (
        "Financials",
        ("Financial", "Bancorp", "Capital", "Payments", "Insurance"),
        ("net interest income", "card services", "wealth management", "underwriting"),
        ("credit card", "mortgage book", "payments network", "advisory platform", "policy"),
    ),
)

COMPANY_PREFIXES = (
    "Acme", "Apex", "Arbor", "Atlas", "Beacon", "Bluewater", "Cascade", "Cedar", "Cobalt",
    "Crescent", "Delta", "Evergreen", "Falcon", "Frontier", "Granite", "Harbor", "Horizon",
    "Ironwood", "Juniper", "Keystone", "Lakeside", "Liberty", "Meridian", "Northstar", "Oakmont",
    "Orion", "Pacific", "Pinnacle", "Prairie", "Quantum", "Redwood", "Ridgeline", "Sierra",
    "Silverline", "Summit", "Sunrise", "Tidewater", "Trident", "Union", "Vanguard", "Vertex",
    "Westfield", "Willow", "Zenith",
)

EXCHANGES = ("NASDAQ", "NYSE")

# (full firm name, shorter name the operator sometimes uses, or "")
FIRMS = (
    ("Merrill Lynch", ""), ("Deutsche Bank", ""), ("Pacific Crest Securities", "Pacific Crest"),
    ("Morgan Stanley", ""), ("Capstone Investments", "Capstone"), ("Barclays", ""),
    ("Goldman Sachs", ""), ("Robert W. Baird", "Baird"), ("Lazard Capital Markets", "Lazard"),
    ("Dougherty & Company", "Dougherty"), ("Needham & Company", "Needham"), ("Jefferies", ""),
    ("J.P. Morgan", "JPMorgan"), ("Citigroup", "Citi"), ("UBS", ""), ("Credit Suisse", ""),
    ("Wells Fargo Securities", "Wells Fargo"), ("Bernstein Research", "Bernstein"),
    ("Piper Sandler", ""), ("Raymond James", ""), ("Stifel Nicolaus", "Stifel"),
    ("Oppenheimer & Co.", "Oppenheimer"), ("Cowen and Company", "Cowen"), ("BMO Capital Markets",
    "BMO"), ("RBC Capital Markets", "RBC"), ("KeyBanc Capital Markets", "KeyBanc"),
    ("Evercore ISI", "Evercore"), ("William Blair", ""), ("Wedbush Securities", "Wedbush"),
    ("Macquarie", ""), ("Nomura", ""), ("Mizuho Securities", "Mizuho"), ("Susquehanna", ""),
    ("Bank of America", ""), ("Truist Securities", "Truist"), ("Loop Capital", ""),
)

EXECUTIVE_ROLES = (
    "Vice President, Investor Relations",
    "Chief Executive Officer",
    "Chief Financial Officer",
    "Chief Operating Officer",
    "President",
    "Chief Technology Officer",
    "Senior Vice President, Sales",
    "Treasurer",
)

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

TOPICS = (
    ("guidance", "Guidance and outlook"),
    ("gross-margin", "Gross margin"),
    ("operating-expenses", "Operating expenses"),
    ("capital-expenditure", "Capital expenditure"),
    ("pricing", "Pricing"),
    ("demand", "Demand"),
    ("supply-chain", "Supply chain"),
    ("china", "China"),
    ("europe", "Europe"),
    ("competition", "Competition"),
    ("buybacks", "Share buybacks"),
    ("dividends", "Dividends"),
    ("mergers", "Mergers and acquisitions"),
    ("regulation", "Regulation"),
    ("inventory", "Inventory"),
    ("hiring", "Hiring and headcount"),
    ("new-products", "New products"),
    ("free-cash-flow", "Free cash flow"),
    ("debt", "Debt and financing"),
    ("foreign-exchange", "Foreign exchange"),
    ("tax-rate", "Tax rate"),
    ("backlog", "Backlog and orders"),
    ("customers", "Customer concentration"),
    ("litigation", "Litigation"),
)

REGIONS = (
    "North America", "Europe", "China", "Japan", "Latin America", "the Middle East", "India",
    "Southeast Asia", "Canada", "the UK", "Germany", "Australia",
)

DRIVERS = (
    "stronger volumes", "better pricing", "a favourable mix", "lower input costs",
    "currency headwinds", "higher freight costs", "seasonal timing", "one-time items",
    "the ramp of new capacity", "improved yields", "a tighter cost structure",
    "inventory destocking", "channel expansion", "new customer wins", "warranty reserves",
    "restructuring charges", "a lower tax rate", "commodity inflation", "share gains",
    "the timing of shipments",
)

OPENERS = (
    "", "", "", "", "So ", "Now, ", "As we said last quarter, ", "Frankly, ", "Overall, ",
    "On balance, ", "In addition, ", "At the same time, ", "Importantly, ", "To be clear, ",
    "Looking ahead, ", "As you know, ", "Again, ", "More broadly, ", "Of course, ",
)

FILLERS = (
    "That's a great question.", "Yes, that's right.", "Sure.", "Let me take that one.",
    "I'll start and then hand it over.", "Thanks for the question.", "Good question.",
    "I think that's fair.", "We've talked about this before.", "Let me add a little colour.",
)

# fmt: on
