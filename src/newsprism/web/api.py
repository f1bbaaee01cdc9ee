"""The JSON API under /api: articles, stories, comparisons, summaries, compare-now, feeds."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from newsprism.errors import DatabaseBusyError, NewsprismError, UnrelatedArticlesError
from newsprism.ingest import Collection
from newsprism.model import Article, Comparison, Feed, Story, Summary
from newsprism.report import neutral_title
from newsprism.store import Store
from newsprism.web.jobs import unless_abandoned
from newsprism.web.limits import MAX_OFFSET, check_words
from newsprism.web.schemas import (
    ArticleSummary,
    CompareRequest,
    Error,
    FeedInput,
    Page,
)
from newsprism.web.security import check_bearer
from newsprism.web.service import FETCH_OFF, Pasted, Result, Submission
from newsprism.web.state import AppState, Rejected, state_of
from newsprism.workflows import load_story, parse_since, story_report


def require_token(request: Request) -> None:
    """Write endpoints: the bearer token, when the server was started with one."""
    check_bearer(request, state_of(request).token)


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": Error} for code in codes}


router = APIRouter(prefix="/api", responses=_errors(422))
Writer = [Depends(require_token)]
Limit = Annotated[int, Query(ge=1, le=200, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


def json_of(model: Any) -> Response:
    """A model already checked by its type, serialized once (comparisons are large)."""
    return Response(model.model_dump_json(), media_type="application/json")


def article_page(store: Store, limit: int, offset: int) -> Page[ArticleSummary]:
    """Stored articles grouped by story (newest activity first), in arrival order within one."""
    wanted = store.memberships(limit, offset)
    found = {a.id: a for a in store.articles([member for member, _ in wanted])}
    items = [
        ArticleSummary(
            story=story, **found[member].model_dump(include=set(ArticleSummary.model_fields))
        )
        for member, story in wanted
        if member in found
    ]
    return Page(total=store.count_articles(), limit=limit, offset=offset, items=items)


@router.get("/articles", response_model=Page[ArticleSummary])
async def list_articles(request: Request, limit: Limit = 50, offset: Offset = 0) -> Any:
    """Stored articles, grouped by story with the newest activity first."""
    return await run_in_threadpool(article_page, state_of(request).store, limit, offset)


@router.get("/articles/{article_id}", response_model=Article, responses=_errors(404))
async def get_article(request: Request, article_id: str) -> Any:
    """One stored article: metadata, clean text and paragraphs."""
    found = await run_in_threadpool(state_of(request).store.articles, [article_id])
    if not found:
        raise HTTPException(404, f"no article {article_id}")
    return json_of(found[0])


@router.get("/stories", response_model=Page[Story])
async def list_stories(request: Request, limit: Limit = 50, offset: Offset = 0) -> Any:
    """Stories with the newest activity first."""
    store = state_of(request).store

    def page() -> Page[Story]:
        items = store.stories(limit=limit, offset=offset)
        return Page(total=store.count_stories(), limit=limit, offset=offset, items=items)

    return await run_in_threadpool(page)


async def find_story(state: AppState, story_id: str) -> Story:
    story = await run_in_threadpool(state.store.story, story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id}")
    return story


def since_of(text: str | None) -> datetime | None:
    """The ``since`` query parameter as a time; 422 when it is not one."""
    if text is None or not text.strip():
        return None
    try:
        return parse_since(text.strip())
    except NewsprismError as error:
        raise HTTPException(422, str(error)) from None


async def story_result(state: AppState, story_id: str, since: datetime | None = None) -> Result:
    """The (cached) report of a stored story, with what is new since ``since``; 404
    unknown, 409 fewer than two articles."""
    story = await find_story(state, story_id)
    if story.size < 2:
        raise HTTPException(
            409, f"story {story_id} has {story.size} article; comparing needs two or more"
        )
    result = state.comparer.known(story) or await _kept_or_compared(state, story)
    return result if since is None else await state.comparer.news(result, since)


async def kept_result(
    state: AppState, story: Story, articles: list[Article], filed: dict[str, datetime]
) -> Result | None:
    """The story's comparison as the store kept it (made for its present members), with
    its report, remembered for the next requests; None when none is kept."""
    kept = await run_in_threadpool(state.store.kept_comparison, story)
    if kept is None:
        return None
    report = story_report(story, articles, state.settings, filed=filed, comparison=kept)
    return state.comparer.remember(story, Result(articles, kept, story=report))


async def _kept_or_compared(state: AppState, story: Story) -> Result:
    store = state.store
    articles, filed = await run_in_threadpool(load_story, store, story)
    kept = await kept_result(state, story, articles, filed)
    if kept is not None:
        return kept
    result = await state.comparer.story(story, articles, filed)
    title = neutral_title(result.comparison)
    # When another process holds the store, it is served now and kept by a later request.
    with suppress(DatabaseBusyError):
        await run_in_threadpool(store.keep_comparison, story, result.comparison, title)
    return result


Since = Annotated[
    str | None,
    Query(
        description="A time ('2024-03-01', '2024-03-01T14:00Z', '2 days ago'; UTC if no zone): "
        "also summarize what the articles published after it add.",
        max_length=100,
    ),
]


@router.get("/stories/{story_id}", response_model=Story, responses=_errors(404))
async def get_story(request: Request, story_id: str) -> Any:
    return await find_story(state_of(request), story_id)


@router.get(
    "/stories/{story_id}/comparison", response_model=Comparison, responses=_errors(404, 409)
)
async def story_comparison(request: Request, story_id: str) -> Any:
    """What the story's articles agree on, where they differ, quotes, entities, timeline."""
    result = await story_result(state_of(request), story_id)
    return Response(result.comparison_json, media_type="application/json")


@router.get("/stories/{story_id}/report", responses=_errors(404, 409))
async def get_story_report(request: Request, story_id: str, since: Since = None) -> Any:
    """The story's report, as `newsprism story --json`: the comparison's JSON with the
    story and, with ``since``, the articles published after it (`new_articles`) and a
    summary of what they add (`update`)."""
    result = await story_result(state_of(request), story_id, since_of(since))
    text = await run_in_threadpool(lambda: result.story_json)
    return Response(text, media_type="application/json")


@router.get("/stories/{story_id}/summary", response_model=Summary, responses=_errors(404, 409))
async def story_summary(request: Request, story_id: str) -> Any:
    """The story's summary, each sentence cited by spans of its articles."""
    summary = (await story_result(state_of(request), story_id)).comparison.summary
    return json_of(summary or Summary())


def _problems(collection: Collection) -> list[str]:
    return [str(p) for p in collection.errors]


@router.post(
    "/compare",
    response_model=Comparison,
    dependencies=Writer,
    responses=_errors(400, 401, 403, 413, 503),
)
async def compare_now(request: Request, body: CompareRequest) -> Any:
    """Compare two or more articles given as text, or as URLs when the server may fetch."""
    state = state_of(request)
    submission = Submission(
        pasted=[
            Pasted(
                text=a.text,
                title=a.title,
                source=a.source,
                published=a.published.isoformat() if a.published else None,
            )
            for a in body.articles
        ],
        urls=body.urls,
    )
    if len(submission) < 2:
        raise HTTPException(422, f"comparing needs at least two articles; got {len(submission)}")
    if submission.urls and not state.reader.allow_fetch:
        raise HTTPException(400, FETCH_OFF)
    check_words((f"article {n}", a.text) for n, a in enumerate(body.articles, 1))
    collection = await state.reader.run(submission)
    if problems := _problems(collection):
        error = problems[0] if len(problems) == 1 else f"{len(problems)} inputs could not be used"
        raise Rejected(400, error, problems)
    if len(collection.articles) < 2:
        raise HTTPException(422, "comparing needs at least two different articles")
    check_words((a.origin, a.text) for a in collection.articles)
    try:
        comparison = await unless_abandoned(
            request,
            lambda cancel: state.comparer.compare(
                collection.articles, force=body.force, cancel=cancel
            ),
        )
    except UnrelatedArticlesError as error:
        raise HTTPException(422, f'{error}; send "force": true to compare them anyway') from None
    return json_of(comparison)


@router.get("/feeds", response_model=list[Feed])
async def list_feeds(request: Request) -> Any:
    """The feeds followed, in the order they were added."""
    return await run_in_threadpool(state_of(request).store.feeds)


@router.post(
    "/feeds",
    response_model=Feed,
    status_code=201,
    dependencies=Writer,
    responses=_errors(401, 403, 409),
)
async def add_feed(request: Request, body: FeedInput) -> Any:
    """Follow a feed (`newsprism watch` polls it)."""
    store = state_of(request).store
    known = await run_in_threadpool(store.feeds)
    if any(f.url == body.url for f in known):
        raise HTTPException(409, f"already following {body.url}")
    return await run_in_threadpool(store.add_feed, body.url, body.title)


@router.delete("/feeds", status_code=204, dependencies=Writer, responses=_errors(401, 403, 404))
async def remove_feed(
    request: Request, url: Annotated[str, Query(description="The feed's URL.")]
) -> Response:
    """Stop following a feed."""
    if not await run_in_threadpool(state_of(request).store.remove_feed, url):
        raise HTTPException(404, f"not following {url}")
    return Response(status_code=204)
