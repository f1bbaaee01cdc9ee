"""The HTML pages: compare now, stories, a story's report, feeds, sign-in, API docs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException

from newsprism.errors import UnrelatedArticlesError
from newsprism.model import Story
from newsprism.report import coverage, neutral_title
from newsprism.store import ComparisonNote, StoryQuery
from newsprism.web.api import Since, find_story, kept_result, since_of, story_result
from newsprism.web.jobs import unless_abandoned
from newsprism.web.limits import MAX_OFFSET, check_words, read_form
from newsprism.web.schemas import MAX_COMPARE_ARTICLES, check_feed_url
from newsprism.web.security import (
    REPORT_POLICY,
    TOKEN_COOKIE,
    check_same_origin,
    cookie_value,
    same_token,
)
from newsprism.web.service import Pasted, Result, Submission, upload_label
from newsprism.web.state import AppState, render, state_of
from newsprism.workflows import load_story, published_after

router = APIRouter(include_in_schema=False)

STORIES_PER_PAGE = 20
STORY_ORDERS = (
    ("recent", "newest activity first"),
    ("oldest", "oldest first"),
    ("size", "most articles first"),
    ("title", "by title"),
)
ARTICLE_SLOTS = 4


async def writable(request: Request) -> AppState:
    """Form posts: from this server's own pages, by a browser signed in (if a token is set)."""
    check_same_origin(request)
    state = state_of(request)
    if not state.signed_in(request):
        raise HTTPException(401, "sign in with this server's token first")
    return state


async def _submission(form: FormData) -> Submission:
    def column(name: str) -> list[str]:
        return [v if isinstance(v, str) else "" for v in form.getlist(name)]

    texts, titles, sources, dates = (column(n) for n in ("text", "title", "source", "published"))

    def at(values: list[str], index: int) -> str | None:
        return values[index].strip() or None if index < len(values) else None

    pasted = [
        Pasted(text=text, title=at(titles, i), source=at(sources, i), published=at(dates, i))
        for i, text in enumerate(texts)
        if text.strip()
    ]
    urls = [line.strip() for line in str(form.get("urls") or "").splitlines() if line.strip()]
    uploads = []
    for index, item in enumerate(form.getlist("files"), 1):
        # A file input left empty still sends a part, with no file name and no bytes.
        if isinstance(item, UploadFile) and (item.filename or item.size):
            uploads.append((upload_label(item.filename, index), await item.read()))
    return Submission(pasted=pasted, uploads=uploads, urls=urls)


def _compare_form(
    request: Request, form: dict[str, Any] | None = None, **context: Any
) -> dict[str, Any]:
    state = state_of(request)
    return {
        "slots": range(ARTICLE_SLOTS),
        "allow_fetch": state.reader.allow_fetch,
        "form": form or {},
        "max_articles": MAX_COMPARE_ARTICLES,
        **context,
    }


@router.get("/", response_class=HTMLResponse)
async def compare_page(request: Request) -> Response:
    return render(request, "compare.html", _compare_form(request))


@router.post("/compare", response_class=HTMLResponse)
async def compare_submit(request: Request) -> Response:
    state = await writable(request)
    form = await read_form(request, state.max_request_bytes)
    try:
        submission = await _submission(form)
        kept = {k: form.getlist(k) for k in ("text", "title", "source", "published", "urls")}
        force = form.get("force") == "on"
    finally:
        await form.close()
    if not 2 <= len(submission) <= MAX_COMPARE_ARTICLES:
        message = f"Give between 2 and {MAX_COMPARE_ARTICLES} articles; got {len(submission)}."
        return render(
            request, "compare.html", _compare_form(request, kept, error=message), status=422
        )
    check_words((f"article {n}", p.text) for n, p in enumerate(submission.pasted, 1))
    collection = await state.reader.run(submission)
    check_words((a.origin, a.text) for a in collection.articles)
    if len(collection.articles) < 2:
        message = "Fewer than two different articles could be read."
        context = _compare_form(request, kept, error=message, problems=collection.problems)
        return render(request, "compare.html", context, status=400)
    try:
        comparison = await unless_abandoned(
            request,
            lambda cancel: state.comparer.compare(collection.articles, force=force, cancel=cancel),
        )
    except UnrelatedArticlesError as error:
        context = _compare_form(request, kept, error=f"{str(error).capitalize()}.", unrelated=True)
        return render(request, "compare.html", context, status=422)
    result = Result(collection.articles, comparison, collection.problems)
    state.results.put(result.id, result)
    return RedirectResponse(f"/results/{result.id}", status_code=303)


def _result(request: Request, result_id: str) -> Result:
    result = state_of(request).results.get(result_id)
    if result is None:
        raise HTTPException(404, "this comparison is no longer kept; submit the articles again")
    return result


async def report_response(result: Result) -> Response:
    """The self-contained report, sandboxed: its own scripts run, in an opaque origin."""
    return HTMLResponse(
        await run_in_threadpool(lambda: result.report_html),
        headers={"Content-Security-Policy": REPORT_POLICY, "X-Frame-Options": "SAMEORIGIN"},
    )


@router.get("/results/{result_id}", response_class=HTMLResponse)
async def result_page(request: Request, result_id: str) -> Response:
    return render(request, "result.html", {"result": _result(request, result_id)})


@router.get("/results/{result_id}/report", response_class=HTMLResponse)
async def result_report(request: Request, result_id: str) -> Response:
    return await report_response(_result(request, result_id))


@router.get("/stories", response_class=HTMLResponse)
async def stories_page(
    request: Request,
    page: int = 1,
    q: str = "",
    outlet: str = "",
    sort: str = "recent",
    since: Annotated[str, Query(alias="from")] = "",
    until: Annotated[str, Query(alias="to")] = "",
) -> Response:
    state = state_of(request)
    page = min(max(1, page), MAX_OFFSET // STORIES_PER_PAGE)
    error = None
    try:
        first, last = day(since), day(until, end=True)
    except ValueError:
        first = last = None
        error = "Write dates as 2024-03-01."
    order = sort if sort in dict(STORY_ORDERS) else "recent"
    query = StoryQuery(text=q[:200], outlet=outlet[:200], since=first, until=last, order=order)  # type: ignore[arg-type]

    def load() -> tuple[list[Story], int, list[tuple[str, int]]]:
        found, total = state.store.find_stories(
            query, limit=STORIES_PER_PAGE, offset=(page - 1) * STORIES_PER_PAGE
        )
        return found, total, state.store.outlets()

    stories, total, outlets = await run_in_threadpool(load)
    # What comparisons found, kept in the store (they outlive the server), or made here
    # since the page was loaded.
    notes = await run_in_threadpool(state.store.comparison_notes, stories)
    for s in stories:
        if (result := state.comparer.known(s)) is not None:
            notes[s.id] = ComparisonNote(
                len(result.comparison.discrepancies),
                len(result.comparison.differences),
                neutral_title(result.comparison),
            )
    asked = {"q": query.text, "outlet": query.outlet, "from": since, "to": until}
    asked["sort"] = "" if order == "recent" else order

    def link(number: int) -> str:
        return urlencode({k: v for k, v in {**asked, "page": str(number)}.items() if v})

    context = {
        "stories": stories,
        "total": total,
        "page": page,
        "pages": max(1, -(-total // STORIES_PER_PAGE)),
        "query": query,
        "dates": {"from": since, "to": until},
        "orders": STORY_ORDERS,
        "outlets": outlets,
        "filtered": any(asked.values()),
        "discrepancies": {i: note.discrepancies for i, note in notes.items()},
        "titles": {i: note.title for i, note in notes.items()},
        "link": link,
        "error": error,
    }
    return render(request, "stories.html", context)


def day(value: str, *, end: bool = False) -> datetime | None:
    """The start (or with ``end`` the last instant) of a YYYY-MM-DD day, in UTC."""
    if not value.strip():
        return None
    start = datetime.combine(date.fromisoformat(value.strip()), time(), tzinfo=UTC)
    return start + timedelta(days=1, microseconds=-1) if end else start


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(request: Request, story_id: str, since: Since = None) -> Response:
    state = state_of(request)
    story = await find_story(state, story_id)
    articles, filed = await run_in_threadpool(load_story, state.store, story)
    error, when = None, None
    try:
        when = since_of(since)
    except HTTPException as refused:
        error = refused.detail
    known = state.comparer.known(story)
    if known is None and story.size > 1:
        known = await kept_result(state, story, articles, filed)
    outlets = ", ".join(dict.fromkeys(a.source or "unknown outlet" for a in articles))
    # Never one outlet's headline over several outlets' reports: a fact they share, once
    # compared, else who reported it.
    if story.size < 2:
        title = story.title or story.id
    else:
        shared = neutral_title(known.comparison) if known else None
        title = shared or f"{story.size} reports from {outlets}"
    new = published_after(articles, story, filed, when) if when is not None else []
    report = f"/stories/{story.id}/report"
    context = {
        "story": story,
        "articles": articles,
        "title": title,
        "known": known,
        "coverage": coverage(articles, filed),
        "since": since or "",
        "when": when,
        "new": {a.id for a in new},
        "report": f"{report}?{urlencode({'since': when.isoformat()})}" if when else report,
        "error": error,
    }
    return render(request, "story.html", context, status=422 if error else 200)


@router.get("/stories/{story_id}/report", response_class=HTMLResponse)
async def story_report(request: Request, story_id: str, since: Since = None) -> Response:
    result = await story_result(state_of(request), story_id, since_of(since))
    return await report_response(result)


@router.get("/feeds", response_class=HTMLResponse)
async def feeds_page(request: Request) -> Response:
    feeds = await run_in_threadpool(state_of(request).store.feeds)
    return render(request, "feeds.html", {"feeds": feeds})


@router.post("/feeds", response_class=HTMLResponse)
async def feeds_add(request: Request) -> Response:
    state = await writable(request)
    form = await read_form(request, state.max_request_bytes)
    url, title = str(form.get("url") or ""), str(form.get("title") or "").strip() or None
    try:
        url = check_feed_url(url)
    except ValueError as error:
        feeds = await run_in_threadpool(state.store.feeds)
        context = {"feeds": feeds, "error": str(error), "form": {"url": url, "title": title}}
        return render(request, "feeds.html", context, status=422)
    await run_in_threadpool(state.store.add_feed, url, title)
    return RedirectResponse("/feeds", status_code=303)


@router.post("/feeds/remove", response_class=HTMLResponse)
async def feeds_remove(request: Request) -> Response:
    state = await writable(request)
    form = await read_form(request, state.max_request_bytes)
    if not await run_in_threadpool(state.store.remove_feed, str(form.get("url") or "")):
        raise HTTPException(404, "not following this feed")
    return RedirectResponse("/feeds", status_code=303)


def _local_path(value: str | None) -> str:
    """Only a path on this server: an absolute URL or //host would send the user away."""
    if value and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return "/"


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": _local_path(next)})


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    check_same_origin(request)
    state = state_of(request)
    form = await read_form(request, 10_000)
    target = _local_path(str(form.get("next") or "/"))
    if state.token is None or not same_token(str(form.get("token") or ""), state.token):
        context = {"next": target, "error": "That is not this server's token."}
        return render(request, "login.html", context, status=403)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        TOKEN_COOKIE,
        cookie_value(state.token),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    check_same_origin(request)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(TOKEN_COOKIE)
    return response


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            operations.append({"method": method.upper(), "path": path, **operation})
    return operations


@router.get("/docs", response_class=HTMLResponse)
async def docs_page(request: Request) -> Response:
    """The API reference, made from the OpenAPI document (no CDN: works offline)."""
    spec = request.app.openapi()
    return render(request, "docs.html", {"spec": spec, "operations": _operations(spec)})
