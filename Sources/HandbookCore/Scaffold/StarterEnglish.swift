//! The English sample that `handbook init` writes: every feature of a tip in five short ones.

extension HandbookStarter {
    static let english: [(path: String, text: String)] = [
        ("content/handbook.yml", """
        title: Our Customer Handbook
        subtitle: Small tips our team keeps to
        language: en
        introduction: |
          Short, practical tips for serving customers well, one idea each, with one thing to try
          this week. This is a sample: change the words, keep the shape, and add your own tips
          with `handbook new tip "Title" --chapter 1 --themes empathy`.

          Every tip belongs to a chapter and carries one or more [themes](theme:empathy). Start
          with [the first chapter](chapter:1).
        # The themes every tip is tagged with. Change them freely: a tip may use only these slugs.
        themes:
          - slug: leadership
            title: Leadership
            description: The choices leaders make every day, and the culture they build.
          - slug: empathy
            title: Empathy
            description: Empathy built into rules, scripts and systems, not left to heroes.
          - slug: flywheel
            title: Flywheel
            description: Six steps that turn good service into loyalty, from ease to community.
          - slug: never-normal
            title: Never normal
            description: Acting well while everything around the customer keeps changing.
        # The flywheel's steps, in order: a tip names its step with `flywheel_step: N`.
        flywheel:
          - Make the customer's life easy
          - Say openly what to expect
          - Solve problems and take the pain away
          - Treat every customer as a segment of one
          - Create a positive emotion
          - Build a community of enthusiasts

        """),
        ("content/chapters/01-first-contact.md", """
        ---
        number: 1
        title: First contact
        part: Getting started
        summary: What a customer meets first, and how to make it count.
        ---
        The first answer a customer gets tells them what to expect from everything after it.
        The tips in this chapter are about that first moment: answering what was asked, saying
        when you will call back, and letting the person on the phone put things right.

        """),
        ("content/chapters/02-keeping-customers.md", """
        ---
        number: 2
        title: Keeping customers
        part: Getting started
        summary: Small habits that make customers come back.
        ---
        Customers stay where life is easy and where things keep getting better. This chapter
        holds two habits for that: making the easy way the normal way, and changing one thing
        a month.

        """),
        ("content/tips/001-answer-the-question-that-was-asked.md", """
        ---
        number: 1
        title: Answer the question that was asked
        chapter: 1
        themes: [empathy]
        related: [2, 3]
        summary: Read the customer's message twice and answer exactly that, before anything else.
        ---
        A customer who asks "when will my order arrive?" does not want the returns policy. Read
        the message twice, answer the question in the first sentence, and only then add what
        else is useful.

        A tip is a Markdown file in `content/tips/`: the lines between the two `---` are its
        front matter (number, title, chapter, themes, related tips, summary), and the rest is
        its text. A link to another tip is written with its number, as in
        [say when you will call back](tip:2); the site turns it into the right address.

        **Try this:** This week, read back your last ten answers to customers and mark each
        one whose first sentence answers the question.

        **How you'll know:** Fewer customers write a second time to ask the same thing.

        """),
        ("content/tips/002-say-when-you-will-call-back.md", """
        ---
        number: 2
        title: Say when you will call back
        chapter: 1
        themes: [flywheel]
        related: [1, 4]
        summary: Give every customer who waits a time, and call before it passes.
        flywheel_step: 2
        ---
        Waiting is easier when you know how long. "We will call you back before four" turns
        an open worry into an appointment. Call before the time, even when you have no news
        yet.

        This tip is on the second step of the flywheel (`flywheel_step: 2`): its page names
        the step, and the flywheel theme's page lists it under that step.

        **Try this:** Agree as a team on one sentence that names a time, and use it on every
        call that ends with a promise.

        **How you'll know:** Count the calls that start with "I'm calling again about…":
        there should be fewer within a month.

        """),
        ("content/tips/003-let-the-first-person-fix-it.md", """
        ---
        number: 3
        title: Let the first person fix it
        chapter: 1
        themes: [leadership, empathy]
        related: [1]
        summary: Give the people who answer customers the right to solve small problems on the spot.
        ---
        Every hand-over makes a customer tell their story again. Decide together up to what
        amount, or which kinds of problem, the first person may simply put things right
        without asking anyone.

        A tip can carry several themes (`themes: [leadership, empathy]`): it appears on each
        theme's page, and the related tips (`related: [1]`) are listed at its end.

        **Try this:** Write down the three problems your team passes on most often, and agree
        which of them the first person may solve alone from Monday.

        **How you'll know:** Fewer hand-overs in your ticket system, and shorter times to a
        solution for those three problems.

        """),
        ("content/tips/004-make-the-easy-way-the-normal-way.md", """
        ---
        number: 4
        title: Make the easy way the normal way
        chapter: 2
        themes: [flywheel]
        related: [2, 5]
        summary: Whatever most customers choose should be what happens unless they say otherwise.
        flywheel_step: 1
        ---
        Look at the choices a customer must make to buy from you or to get help. Where nearly
        everyone picks the same answer, make it the default and let the few change it.

        The first step of the flywheel comes before the others: a customer whose life you make
        harder will not be won back by a pleasant surprise later (see [tip 2](tip:2) for the
        next step).

        **Try this:** Pick one form or one phone menu and remove one question that nearly every
        customer answers the same way.

        **How you'll know:** More customers finish the form, or fewer choose "other" in the menu.

        """),
        ("content/tips/005-change-one-thing-a-month.md", """
        ---
        number: 5
        title: Change one thing a month
        chapter: 2
        themes: [never-normal, leadership]
        related: [4]
        summary: A small change every month keeps a team used to change, before it is forced on it.
        ---
        What customers expect keeps moving. A team that changes one small thing each month,
        and says what it learned, finds the next change easier than a team that waits for a
        big one.

        Links can also point at a chapter ([first contact](chapter:1)) or a theme
        ([never normal](theme:never-normal)). Run `handbook check` after every change: it
        reports a broken link or an unknown theme with its file, line and column.

        **Try this:** At the end of this month's team meeting, choose one change for next
        month and one person to look after it.

        **How you'll know:** After three months the team can name three changes and what each
        one did for customers.

        """),
        ("README.md", """
        # Our Customer Handbook

        A tips handbook built with Handbook: Markdown in `content/`, a
        web site in `site/`.

        - **Write**: one file per tip in `content/tips/`; start one with
          `handbook new tip "Title" --chapter 1 --themes empathy`. Chapters are in
          `content/chapters/`, the title and themes in `content/handbook.yml`.
        - **Check**: `handbook check` lists every problem with its file, line and column
          (`--format github` or `--format gitlab` for CI).
        - **Preview**: `handbook serve`, then open the address it prints; every page reloads
          when you save.
        - **Build**: `handbook build` writes the site into `site/` (left out of git by
          `.gitignore`); `handbook booklet` adds a printable PDF (it needs WeasyPrint).
        - **Publish**: copy `site/` to any web server or static host, at the root or under a
          sub-path; the pages also open straight from disk.
        - **Change the look**: a file in `themes/default/` replaces the built-in theme's file of
          the same name (`assets/handbook.css` for the colours); `handbook theme copy` writes
          the whole built-in theme there.

        """),
        (".gitignore", """
        site/

        """),
    ]
}
